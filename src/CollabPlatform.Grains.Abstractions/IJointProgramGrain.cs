using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>One joint programme of a partnership, keyed <c>program:&lt;id&gt;</c>.</summary>
[Alias("collab.IJointProgramGrain")]
public interface IJointProgramGrain : IGrainWithStringKey
{
    /// <summary>Decides the command; an accepted change is durable in the ledger before this returns.</summary>
    [Alias("Execute")]
    Task<CommandResult<AggregateSnapshot<JointProgramEvent>>> ExecuteAsync(JointProgramCommand command, CommandMetadata metadata);

    /// <summary>The programme, or null when none was created under this id.</summary>
    [Alias("Get")]
    Task<AggregateSnapshot<JointProgramEvent>?> GetAsync();
}
