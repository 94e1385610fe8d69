using CollabPlatform.Domain.Common;

namespace CollabPlatform.Domain.Partnerships.Events;

public sealed record PrioritySectorsChanged : PartnershipEvent
{
    public required ValueList<Sector> Previous { get; init; }

    public required ValueList<Sector> Sectors { get; init; }
}
