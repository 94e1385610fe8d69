namespace CollabPlatform.Domain.JointPrograms;

/// <summary>
/// Allowed status changes of a joint programme: Planned → Active → Completed; Active ↔ Suspended;
/// any status that is not final → Cancelled. Completed and Cancelled are final, because reports and
/// evaluations refer to them as they ended.
/// </summary>
public static class ProgramStatusMachine
{
    public static IReadOnlyList<JointProgramStatus> AllowedTargets(JointProgramStatus from) => from switch
    {
        JointProgramStatus.Planned => [JointProgramStatus.Active, JointProgramStatus.Cancelled],
        JointProgramStatus.Active => [JointProgramStatus.Completed, JointProgramStatus.Suspended, JointProgramStatus.Cancelled],
        JointProgramStatus.Suspended => [JointProgramStatus.Active, JointProgramStatus.Cancelled],
        _ => [],
    };

    public static bool IsAllowed(JointProgramStatus from, JointProgramStatus to) => AllowedTargets(from).Contains(to);

    /// <summary>Why a change is not allowed, for the official who asked.</summary>
    public static string Explain(JointProgramStatus from, JointProgramStatus to) => (from, to) switch
    {
        _ when from == to => $"the programme is already {to}",
        (JointProgramStatus.Completed or JointProgramStatus.Cancelled, _) => $"the programme is {from}, which is final; start a new programme instead",
        (JointProgramStatus.Planned, _) => $"a planned programme becomes Active or is Cancelled; it cannot become {to}",
        (JointProgramStatus.Suspended, _) => $"a suspended programme resumes (Active) or is Cancelled; it cannot become {to}",
        _ => $"cannot change the programme from {from} to {to}",
    };
}
