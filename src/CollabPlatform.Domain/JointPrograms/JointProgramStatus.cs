namespace CollabPlatform.Domain.JointPrograms;

/// <summary>
/// The status of a joint programme: Planned → Active → Completed; Active ↔ Suspended; any status
/// that is not final → Cancelled. Completed and Cancelled are final.
/// </summary>
public enum JointProgramStatus
{
    Planned,
    Active,
    Completed,
    Suspended,
    Cancelled,
}
