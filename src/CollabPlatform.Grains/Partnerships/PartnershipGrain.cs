using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Grains.Ledger;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Grains.Partnerships;

/// <summary>
/// A partnership, event-sourced on the ledger. Thin: the domain decides, the ledger commits, and
/// only then does the grain's state move on and the caller hear of it.
/// </summary>
public sealed class PartnershipGrain(
    IEventLedger ledger,
    RegionCatalog catalog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IOptions<DeadlineOptions> deadlines,
    ILogger<PartnershipGrain> logger)
    : LedgerGrain<Partnership, PartnershipCommand, PartnershipEvent>(ledger, time, deadlines.Value, logger), IPartnershipGrain
{
    protected override string AggregateName => "partnership";

    protected override PartnershipCommand DeadlineCommand { get; } = new CheckDeadlines();

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.PartnershipPrefix);

    protected override Partnership Rebuild(IEnumerable<PartnershipEvent> events) => Partnership.FromHistory(events);

    protected override bool Exists(Partnership aggregate) => aggregate.Exists;

    protected override DateTimeOffset? NextDeadline(Partnership aggregate) => aggregate.NextDeadline;

    protected override Task<Rejection?> AuthorizeAsync(PartnershipCommand command, Principal? principal) =>
        Task.FromResult(AccessPolicy.CheckChange(principal, State, command, catalog));

    protected override Task<Decision<PartnershipEvent>> DecideAsync(PartnershipCommand command, CommandContext context)
    {
        // The grain key is the partnership's identity; a proposal cannot name another.
        var keyed = command is ProposePartnership propose ? propose with { PartnershipId = Id } : command;
        return Task.FromResult(State.Decide(keyed, catalog, context));
    }

    protected override Task<LedgerChange> DescribeAsync(Partnership before, Partnership after)
    {
        var jurisdictions = PartnershipProjection.JurisdictionsOf(after, catalog);
        return Task.FromResult(new LedgerChange
        {
            OccurredAt = after.UpdatedAt,
            ResourceType = AuditEntry.PartnershipResource,
            ResourceId = after.Id,
            PartnershipId = after.Id,
            Jurisdictions = jurisdictions,
            FromStage = before.Exists ? before.Stage.ToString() : null,
            ToStage = after.Stage.ToString(),
            Partnership = PartnershipProjection.ToRow(after, jurisdictions),
        });
    }
}
