using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Grains.Ledger;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Grains.JointPrograms;

/// <summary>
/// A joint programme, event-sourced on the ledger like its partnership. It asks the partnership
/// for its stage (a programme needs a live agreement) and for who may see it.
/// </summary>
public sealed class JointProgramGrain(
    IEventLedger ledger,
    RegionCatalog catalog,
    [FromKeyedServices(GrainServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IOptions<DeadlineOptions> deadlines,
    ILogger<JointProgramGrain> logger)
    : LedgerGrain<JointProgram, JointProgramCommand, JointProgramEvent>(ledger, time, deadlines.Value, logger), IJointProgramGrain
{
    private Partnership _partnership = new();

    protected override string AggregateName => "joint_program";

    protected override JointProgramCommand DeadlineCommand { get; } = new CheckReportingDeadline();

    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString(), GrainKeys.ProgramPrefix);

    protected override JointProgram Rebuild(IEnumerable<JointProgramEvent> events) => JointProgram.FromHistory(events);

    protected override bool Exists(JointProgram aggregate) => aggregate.Exists;

    protected override DateTimeOffset? NextDeadline(JointProgram aggregate) => aggregate.NextDeadline;

    // The programme's partnership decides who may change it, and its stage whether it may; it is
    // read here and used by the decision right after, within the same grain call.
    protected override async Task<Rejection?> AuthorizeAsync(JointProgramCommand command, Principal? principal)
    {
        _partnership = await LoadPartnershipAsync(command is CreateJointProgram create && !State.Exists ? create.PartnershipId : State.PartnershipId);
        return AccessPolicy.CheckProgramChange(principal, _partnership, command, catalog);
    }

    protected override Task<Decision<JointProgramEvent>> DecideAsync(JointProgramCommand command, CommandContext context)
    {
        var partnershipId = command is CreateJointProgram create ? create.PartnershipId : State.PartnershipId;
        return Task.FromResult((command, _partnership) switch
        {
            (CreateJointProgram c, { Exists: true } p) when !State.Exists => JointProgram.Create(c with { ProgramId = Id }, p.Stage, context),
            (CreateJointProgram, _) when !State.Exists => Decision<JointProgramEvent>.Reject(
                Rejection.NotFound($"partnership {partnershipId} does not exist; a joint programme belongs to a proposed partnership", "partnership_id")),
            _ => State.Decide(command, context),
        });
    }

    protected override Task<LedgerChange> DescribeAsync(JointProgram before, JointProgram after)
    {
        var jurisdictions = _partnership.Exists ? Jurisdictions.Of(_partnership, catalog) : [];
        return Task.FromResult(new LedgerChange
        {
            OccurredAt = after.UpdatedAt,
            ResourceType = AuditEntry.ProgramResource,
            ResourceId = after.Id,
            FromStatus = before.Exists ? before.Status.ToString() : null,
            ToStatus = after.Status.ToString(),
            PartnershipId = after.PartnershipId,
            Jurisdictions = jurisdictions,
            Program = ProgramProjection.ToRow(after, jurisdictions),
        });
    }

    private async Task<Partnership> LoadPartnershipAsync(string partnershipId)
    {
        if (string.IsNullOrWhiteSpace(partnershipId))
        {
            return new Partnership();
        }

        var snapshot = await GrainFactory.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId)).GetAsync();
        return snapshot is null ? new Partnership() : Partnership.FromHistory(snapshot.Events);
    }
}
