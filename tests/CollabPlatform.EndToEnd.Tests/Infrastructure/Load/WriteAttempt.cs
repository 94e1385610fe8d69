using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>One attempt of one write on one replica, with its times on the load's clock.</summary>
/// <param name="Loop">The client loop that sent it.</param>
/// <param name="RequestId">The write's request_id, the same on every attempt of that write.</param>
/// <param name="Kind">What the write is.</param>
/// <param name="PartnershipId">The partnership it changes; empty for a proposal not yet answered.</param>
/// <param name="Replica">Index of the replica the attempt went to.</param>
/// <param name="Started">When it was sent.</param>
/// <param name="Ended">When its answer or failure came back.</param>
/// <param name="Status">OK, or the status it failed with.</param>
/// <param name="Origin">Whether the server or the transport decided that status.</param>
/// <param name="Detail">The status message of a failure.</param>
internal sealed record WriteAttempt(
    int Loop,
    string RequestId,
    WriteKind Kind,
    string PartnershipId,
    int Replica,
    TimeSpan Started,
    TimeSpan Ended,
    StatusCode Status,
    AttemptOrigin Origin,
    string Detail)
{
    public bool Succeeded => Status == StatusCode.OK;
}
