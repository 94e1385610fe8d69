namespace CollabPlatform.Domain.Access;

/// <summary>What a caller may do (docs/security.md); the token's <c>role</c> claim names one.</summary>
public enum Role
{
    /// <summary>An official of one region: changes the partnerships its region is a party to, and its region's profile.</summary>
    RegionOfficial,

    /// <summary>Reads and watches everything under its jurisdiction; changes nothing.</summary>
    Facilitator,

    /// <summary>A ministry of a whole country: reads the country's partnerships and records central-government approvals.</summary>
    Ministry,

    /// <summary>Reads the audit log of its jurisdiction.</summary>
    Auditor,

    /// <summary>The operator: reads everything and changes anything except central-government approvals.</summary>
    Admin,

    /// <summary>The server itself (deadline timers); never carried by a token.</summary>
    System,
}
