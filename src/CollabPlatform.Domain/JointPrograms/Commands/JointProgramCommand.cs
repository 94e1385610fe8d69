namespace CollabPlatform.Domain.JointPrograms.Commands;

/// <summary>A request to change a joint programme; <see cref="JointProgram.Decide"/> accepts or rejects it.</summary>
public abstract record JointProgramCommand;
