using System.Collections.Concurrent;
using System.Diagnostics;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>
/// A steady write load spread over every replica's gRPC endpoint. Each client loop proposes a few
/// partnerships of its own and then records meetings on them in turn, proposing another now and
/// then, one write at a time. Each
/// attempt goes to the next replica in the rotation; a failed write is retried with the same
/// request_id (the API answers a retry with the first result), so a write counts as acknowledged
/// only when an answer came back OK. Every attempt and acknowledgement is kept with its time on
/// <see cref="Now"/>. Bounded by <see cref="LoadOptions.MaxWritesPerLoop"/> and
/// <see cref="LoadOptions.MaxDuration"/>.
/// </summary>
internal sealed class LoadDriver : IAsyncDisposable
{
    /// <summary>Klaten's officials own every partnership the load writes.</summary>
    public const string Actor = "official:ID-33.10";

    private readonly CollabClient[] _clients;
    private readonly LoadOptions _options;
    private readonly string _prefix;
    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<WriteAttempt> _attempts = new();
    private readonly ConcurrentQueue<AcknowledgedWrite> _acknowledged = new();
    private readonly ConcurrentDictionary<string, WriteKind> _open = new(StringComparer.Ordinal);
    private readonly long[] _avoidUntilTicks;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _end = new();
    private Task[] _loops = [];

    /// <param name="replicas">The gRPC endpoint of every replica.</param>
    /// <param name="options">Amount and bounds of the load.</param>
    /// <param name="label">Start of every request_id, so that runs never share one.</param>
    public LoadDriver(IReadOnlyList<Uri> replicas, LoadOptions options, string label)
    {
        _options = options;
        _prefix = $"{label}-{Guid.NewGuid().ToString("N")[..8]}";
        _clients = [.. replicas.Select(r => ApiClients.Connect(r, Actor, options.AttemptTimeout))];
        _avoidUntilTicks = new long[replicas.Count];
    }

    /// <summary>The load's clock: zero at <see cref="Start"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Replicas => _clients.Length;

    public LoadOptions Options => _options;

    /// <summary>The attempts so far.</summary>
    public IReadOnlyList<WriteAttempt> Attempts => [.. _attempts];

    /// <summary>The acknowledged writes so far.</summary>
    public IReadOnlyList<AcknowledgedWrite> Acknowledged => [.. _acknowledged];

    /// <summary>A client of replica <paramref name="index"/> as the load's actor, e.g. to read back what the load wrote.</summary>
    public CollabClient Client(int index) => _clients[index];

    public void Start()
    {
        if (_loops.Length > 0)
        {
            throw new InvalidOperationException("the load runs already");
        }

        _clock.Start();
        _end.CancelAfter(_options.MaxDuration);
        _loops = [.. Enumerable.Range(0, _options.Loops).Select(loop => Task.Run(() => RunLoopAsync(loop)))];
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="phase"/> when it does not within <paramref name="within"/>.</summary>
    public async Task WaitUntilAsync(Func<LoadDriver, bool> condition, TimeSpan within, string phase)
    {
        var deadline = Now + within;
        while (!condition(this))
        {
            if (_loops.Length > 0 && _loops.All(l => l.IsCompleted))
            {
                await Task.WhenAll(_loops);
                throw new InvalidOperationException($"{phase}: the load ended (bounds reached) before this happened; {Progress()}");
            }

            if (Now > deadline)
            {
                throw new TimeoutException($"{phase}: not reached within {within.TotalSeconds:0} s; {Progress()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Writes acknowledged whose answering attempt started at or after <paramref name="since"/>.</summary>
    public int AcknowledgedSince(TimeSpan since) => _attempts.Count(a => a.Succeeded && a.Started >= since);

    /// <summary>
    /// Starts no new writes; the writes under way keep being retried (same request_id) until they
    /// are acknowledged or <paramref name="drainWithin"/> passes. Then reports everything.
    /// </summary>
    public async Task<LoadReport> StopAsync(TimeSpan drainWithin)
    {
        var stoppedAt = Now;
        _stop.Cancel();
        var remaining = _options.MaxDuration - Now;
        if (remaining > drainWithin)
        {
            _end.CancelAfter(drainWithin);
        }

        await Task.WhenAll(_loops);
        return new LoadReport(Attempts, Acknowledged, [.. _open.Keys.Order(StringComparer.Ordinal)], stoppedAt, Now);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _end.CancelAsync();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (Exception)
        {
            // The test already failed or reported; disposal only releases the channels.
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
        _end.Dispose();
    }

    private string Progress() =>
        $"{_acknowledged.Count} writes acknowledged, {_attempts.Count(a => !a.Succeeded)} failed attempts of {_attempts.Count}, at {Now.TotalSeconds:0.0} s";

    private async Task RunLoopAsync(int loop)
    {
        var owned = new List<string>();
        var rotation = new Rotation(loop);
        for (var n = 0; n < _options.MaxWritesPerLoop && !_stop.IsCancellationRequested && !_end.IsCancellationRequested; n++)
        {
            var propose = owned.Count < _options.PartnershipsPerLoop
                || (n % _options.ProposeEvery == 0 && owned.Count < _options.MaxPartnershipsPerLoop);
            var write = propose
                ? Propose(loop, n)
                : Meeting(loop, n, owned[n % owned.Count]);
            var acknowledged = await UntilAcknowledgedAsync(loop, write, rotation);
            if (acknowledged is null)
            {
                return;
            }

            if (acknowledged.Kind == WriteKind.Propose)
            {
                owned.Add(acknowledged.PartnershipId);
            }
        }
    }

    private async Task<AcknowledgedWrite?> UntilAcknowledgedAsync(int loop, PlannedWrite write, Rotation rotation)
    {
        _open[write.RequestId] = write.Kind;
        for (var attempt = 1; attempt <= _options.MaxAttemptsPerWrite && !_end.IsCancellationRequested; attempt++)
        {
            var replica = Pick(rotation);
            var started = Now;
            try
            {
                var (partnershipId, meetingId, version) = await write.Send(_clients[replica], DateTime.UtcNow + _options.AttemptTimeout);
                var ended = Now;
                _attempts.Enqueue(new WriteAttempt(loop, write.RequestId, write.Kind, partnershipId, replica, started, ended, StatusCode.OK, AttemptOrigin.Server, string.Empty));
                var acknowledged = new AcknowledgedWrite(write.RequestId, write.Kind, partnershipId, meetingId, version, ended, attempt);
                _acknowledged.Enqueue(acknowledged);
                _open.TryRemove(write.RequestId, out _);
                return acknowledged;
            }
            catch (RpcException ex)
            {
                var origin = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Domain == RpcAssert.ErrorDomain ? AttemptOrigin.Server : AttemptOrigin.Transport;
                _attempts.Enqueue(new WriteAttempt(loop, write.RequestId, write.Kind, write.PartnershipId, replica, started, Now, ex.StatusCode, origin, ex.Status.Detail));
                if (origin == AttemptOrigin.Transport && ex.StatusCode == StatusCode.Unavailable)
                {
                    Volatile.Write(ref _avoidUntilTicks[replica], (Now + _options.AvoidUnreachableFor).Ticks);
                }
            }

            try
            {
                await Task.Delay(_options.RetryDelay, _end.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The next replica in this loop's rotation, passing over those that could not be reached just now.</summary>
    private int Pick(Rotation rotation)
    {
        var now = Now.Ticks;
        for (var i = 0; i < _clients.Length; i++)
        {
            var candidate = rotation.Next(_clients.Length);
            if (Volatile.Read(ref _avoidUntilTicks[candidate]) <= now)
            {
                return candidate;
            }
        }

        return rotation.Next(_clients.Length);
    }

    /// <summary>A proposal of a new partnership with a request id of this run, e.g. for probes beside the load.</summary>
    public ProposePartnershipRequest Proposal(string step) => new()
    {
        RequestId = $"{_prefix}/{step}",
        Kind = PartnershipKind.FriendshipExchange,
        Title = $"Klaten – Nanjing County exchange, {step}",
        LocalRegionId = "ID-33.10",
        Counterpart = new Counterpart { ForeignRegionId = "CN-350627" },
        InitialStage = PartnershipStage.Exploration,
    };

    private PlannedWrite Propose(int loop, int n)
    {
        var request = Proposal($"{loop}/p{n}");
        return new PlannedWrite(request.RequestId, WriteKind.Propose, string.Empty, async (client, deadline) =>
        {
            var response = await client.Partnerships.ProposePartnershipAsync(request, deadline: deadline);
            return (response.Partnership.Id, null, response.Partnership.Version);
        });
    }

    private PlannedWrite Meeting(int loop, int n, string partnershipId)
    {
        var request = new RecordMeetingRequest
        {
            RequestId = $"{_prefix}/{loop}/m{n}",
            PartnershipId = partnershipId,
            Meeting = new Contracts.V1.Meeting
            {
                Date = new Google.Type.Date { Year = 2025, Month = 7, Day = 22 },
                Mode = MeetingMode.Virtual,
                Summary = $"Coordination call {n} on tourism, MSMEs and agriculture",
            },
        };
        return new PlannedWrite(request.RequestId, WriteKind.Meeting, partnershipId, async (client, deadline) =>
        {
            var response = await client.Partnerships.RecordMeetingAsync(request, deadline: deadline);
            return (response.Partnership.Id, response.MeetingId, response.Partnership.Version);
        });
    }

    private sealed record PlannedWrite(
        string RequestId,
        WriteKind Kind,
        string PartnershipId,
        Func<CollabClient, DateTime, Task<(string PartnershipId, string? MeetingId, long Version)>> Send);

    /// <summary>One loop's place in the round robin; loops start at different replicas.</summary>
    private sealed class Rotation(int start)
    {
        private int _turn = start;

        public int Next(int count) => _turn++ % count;
    }
}
