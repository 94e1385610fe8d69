namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>The durable mutations the load sends.</summary>
internal enum WriteKind
{
    /// <summary>ProposePartnership: creates a partnership grain.</summary>
    Propose,

    /// <summary>RecordMeeting on one of the loop's partnerships.</summary>
    Meeting,
}
