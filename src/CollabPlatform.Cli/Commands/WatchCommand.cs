using System.CommandLine;
using System.Globalization;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab watch --scope ID-33</c>: a jurisdiction's agreement feed, live in the terminal. A lost
/// connection is retried from the last cursor received, so nothing is missed or shown twice.
/// </summary>
internal static class WatchCommand
{
    private static readonly JsonFormatter JsonLine = new(JsonFormatter.Settings.Default);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    public static Command Create()
    {
        var options = new ClientOptions();
        var scope = new Option<string>("--scope")
        {
            Description = "the jurisdiction to watch: a region id (ID-33, CN-350000) or a ministry (MINISTRY-ID)",
            Required = true,
        };
        var after = new Option<string>("--after")
        {
            Description = "resume after this cursor (as printed with each event); default: the whole history",
            DefaultValueFactory = _ => string.Empty,
        };
        var count = new Option<int?>("--count") { Description = "stop after this many events" };
        var heartbeats = new Option<bool>("--heartbeats") { Description = "also print the server's heartbeats while the feed is idle" };
        var command = new Command("watch", "Follow a jurisdiction's agreements as they change (Ctrl+C to stop)") { scope, after, count, heartbeats };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(count) is <= 0)
            {
                result.AddError("--count must be a positive number of events");
            }
        });

        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var watch = new Watch(
                call,
                call.ParseResult.GetValue(scope) ?? string.Empty,
                call.ParseResult.GetValue(count),
                call.ParseResult.GetValue(heartbeats));
            await watch.RunAsync(call.ParseResult.GetValue(after) ?? string.Empty, cancellationToken);
        });
        return command;
    }

    private sealed class Watch(ClientCall call, string scope, int? limit, bool showHeartbeats)
    {
        private readonly TextWriter _status = call.ParseResult.InvocationConfiguration.Error;
        private int _shown;

        public async Task RunAsync(string cursor, CancellationToken cancellationToken)
        {
            if (call.Format == OutputFormat.Text)
            {
                await _status.WriteLineAsync($"watching {scope} {(cursor.Length == 0 ? "from the beginning" : $"after {cursor}")}; Ctrl+C to stop");
            }

            var retry = FirstRetry;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    cursor = await FollowAsync(cursor, () => retry = FirstRetry, cancellationToken);
                    return;
                }
                catch (RpcException ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    await _status.WriteLineAsync($"connection lost ({RpcErrorWriter.StatusName(ex.StatusCode)}: {ex.Status.Detail}); reconnecting in {retry.TotalSeconds:0} s from {(cursor.Length == 0 ? "the beginning" : cursor)}");
                    try
                    {
                        await Task.Delay(retry, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        /// <summary>Prints one stream's messages; returns the last cursor when the count is reached.</summary>
        private async Task<string> FollowAsync(string cursor, Action connected, CancellationToken cancellationToken)
        {
            // No deadline: a feed runs until it is stopped.
            using var stream = call.Client.Facilitation.WatchAgreements(
                new WatchAgreementsRequest { Scope = scope, AfterCursor = cursor },
                deadline: DateTime.MaxValue,
                cancellationToken: cancellationToken);
            while (await stream.ResponseStream.MoveNext(cancellationToken))
            {
                connected();
                var message = stream.ResponseStream.Current;
                if (message.Event is { } @event)
                {
                    cursor = @event.Cursor;
                    await call.Output.WriteLineAsync(call.Format == OutputFormat.Json ? JsonLine.Format(@event) : Describe(@event));
                    if (++_shown >= limit)
                    {
                        return cursor;
                    }
                }
                else
                {
                    cursor = message.Heartbeat.Cursor;
                    if (showHeartbeats)
                    {
                        await call.Output.WriteLineAsync(call.Format == OutputFormat.Json
                            ? JsonLine.Format(message.Heartbeat)
                            : $"{Time(message.Heartbeat.ServerTime)}  (idle, up to date through {cursor})");
                    }
                }

                await call.Output.FlushAsync(cancellationToken);
            }

            throw new RpcException(new Status(StatusCode.Unavailable, "the server ended the feed"));
        }

        private static string Describe(AgreementEvent @event)
        {
            var programme = @event.JointProgramId.Length > 0 ? $" / {@event.JointProgramId}" : string.Empty;
            return $"{Time(@event.OccurredAt)}  {@event.EventType,-22} {@event.PartnershipId}{programme}  {@event.Summary}  [{@event.Cursor}]";
        }

        private static string Time(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
            time is null ? "-" : time.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // A server going away (restart, crash, network) is worth retrying; anything else is an answer.
        private static bool IsTransient(RpcException exception) =>
            exception.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded;
    }
}
