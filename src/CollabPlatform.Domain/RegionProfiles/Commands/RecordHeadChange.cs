namespace CollabPlatform.Domain.RegionProfiles.Commands;

/// <summary>Records a new head of region; the previous head moves to the history.</summary>
public sealed record RecordHeadChange : RegionProfileCommand
{
    public required RegionHead Head { get; init; }

    public string? Note { get; init; }
}
