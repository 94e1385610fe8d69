using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;

namespace CollabPlatform.Grains.Abstractions;

/// <summary>One partnership, keyed <c>partnership:&lt;id&gt;</c>.</summary>
[Alias("collab.IPartnershipGrain")]
public interface IPartnershipGrain : IGrainWithStringKey
{
    /// <summary>Decides the command; an accepted change is durable in the ledger before this returns.</summary>
    [Alias("Execute")]
    Task<CommandResult<AggregateSnapshot<PartnershipEvent>>> ExecuteAsync(PartnershipCommand command, CommandMetadata metadata);

    /// <summary>The partnership, or null when none was proposed under this id.</summary>
    [Alias("Get")]
    Task<AggregateSnapshot<PartnershipEvent>?> GetAsync();
}
