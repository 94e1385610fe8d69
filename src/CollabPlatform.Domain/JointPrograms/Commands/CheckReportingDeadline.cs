namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>Sent by the programme's timer at <see cref="JointProgram.NextDeadline"/>; flags a missing report.</summary>
public sealed record CheckReportingDeadline : JointProgramCommand;
