using System.CommandLine;
using System.Globalization;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab watch --scope ID-33</c>: a jurisdiction's agreement feed, live in the terminal. A lost
/// connection is retried from the last cursor received, so nothing is missed or shown twice; a
/// stream the server ends after its maximum lifetime, or when its minted token expires, is resumed
/// at once (with a fresh token).
/// </summary>
internal static class WatchCommand
{
    private static readonly JsonFormatter JsonLine = new(JsonFormatter.Settings.Default);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    // The ErrorInfo reasons with which the server ends a stream that the client should resume at once.
    private const string StreamLifetime = "STREAM_LIFETIME";
    private const string TokenExpired = "TOKEN_EXPIRED";

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

        // The last cursor processed, kept across streams: a reconnect resumes exactly after it.
        private string _cursor = string.Empty;

        public async Task RunAsync(string cursor, CancellationToken cancellationToken)
        {
            _cursor = cursor;
            if (call.Format == OutputFormat.Text)
            {
                await _status.WriteLineAsync($"watching {scope} {(cursor.Length == 0 ? "from the beginning" : $"after {cursor}")}; Ctrl+C to stop");
            }

            var retry = FirstRetry;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await FollowAsync(() => retry = FirstRetry, cancellationToken);
                    return;
                }
                catch (RpcException ex) when (Reason(ex) == StreamLifetime && !cancellationToken.IsCancellationRequested)
                {
                    await _status.WriteLineAsync($"the server ended the stream after its maximum lifetime ({StreamLifetime}); reconnecting from {Position()}");
                }
                catch (RpcException ex) when (Reason(ex) == TokenExpired && call.Client.Credentials.CanMint && !cancellationToken.IsCancellationRequested)
                {
                    // The credentials mint a new token for the next call; a given --token cannot be renewed, so that case ends here.
                    await _status.WriteLineAsync($"the stream's token expired ({TokenExpired}); reconnecting with a fresh token from {Position()}");
                }
                catch (RpcException ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    await _status.WriteLineAsync($"connection lost ({RpcErrorWriter.StatusName(ex.StatusCode)}: {ex.Status.Detail}); reconnecting in {retry.TotalSeconds:0} s from {Position()}");
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

        /// <summary>Prints one stream's messages; returns when the count is reached.</summary>
        private async Task FollowAsync(Action connected, CancellationToken cancellationToken)
        {
            // No deadline: a feed runs until it is stopped.
            using var stream = call.Client.Facilitation.WatchAgreements(
                new WatchAgreementsRequest { Scope = scope, AfterCursor = _cursor },
                deadline: DateTime.MaxValue,
                cancellationToken: cancellationToken);
            while (await stream.ResponseStream.MoveNext(cancellationToken))
            {
                connected();
                var message = stream.ResponseStream.Current;
                if (message.Event is { } @event)
                {
                    _cursor = @event.Cursor;
                    await call.Output.WriteLineAsync(call.Format == OutputFormat.Json ? JsonLine.Format(@event) : Describe(@event));
                    if (++_shown >= limit)
                    {
                        return;
                    }
                }
                else
                {
                    _cursor = message.Heartbeat.Cursor;
                    if (showHeartbeats)
                    {
                        await call.Output.WriteLineAsync(call.Format == OutputFormat.Json
                            ? JsonLine.Format(message.Heartbeat)
                            : $"{Time(message.Heartbeat.ServerTime)}  (idle, up to date through {_cursor})");
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

        private string Position() => _cursor.Length == 0 ? "the beginning" : _cursor;

        private static string? Reason(RpcException exception) => exception.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason;

        // A server going away (restart, crash, network) is worth retrying; anything else is an answer.
        private static bool IsTransient(RpcException exception) =>
            exception.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded;
    }
}
