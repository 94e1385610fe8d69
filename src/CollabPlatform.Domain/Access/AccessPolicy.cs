using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.Access;

/// <summary>
/// Who may read and change what (docs/security.md). A jurisdiction sees a partnership when it is
/// among <see cref="Jurisdictions.Of"/>; only a party's officials change it, and central-government
/// approvals are the ministry's alone. A caller bounded by a jurisdiction gets PERMISSION_DENIED
/// whether or not an id exists, so existence is not disclosed; only an admin hears NOT_FOUND.
/// </summary>
public static class AccessPolicy
{
    /// <summary>True when <paramref name="principal"/> may read something seen by <paramref name="jurisdictions"/>.</summary>
    public static bool Sees(Principal principal, IEnumerable<string> jurisdictions)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(jurisdictions);
        return principal.IsGlobal
            || (principal.Jurisdiction is { } own && jurisdictions.Contains(own, StringComparer.Ordinal));
    }

    /// <summary>
    /// Null when the principal that came with a call may be weighed at all. The server's own role
    /// acts only from inside the silo, where the deadline reminders build it themselves; whoever
    /// claims it with a call (over the API or an Orleans connection) is refused, as is a call that
    /// names nobody. Every change that arrives through a grain interface passes here first.
    /// </summary>
    public static Rejection? CheckCaller(Principal? principal) => principal switch
    {
        null => Anonymous(),
        { Role: Role.System } => Rejection.RoleNotAllowed(
            $"the server's own role is used by its timers inside the silo only; the caller {principal.Subject} may not claim it"),
        _ => null,
    };

    /// <summary>Null when the caller may read the partnership; else why not (which never tells an outsider whether it exists).</summary>
    public static Rejection? CheckRead(Principal principal, Partnership partnership, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(partnership);
        if (principal.IsGlobal)
        {
            return null;
        }

        return partnership.Exists && Sees(principal, Jurisdictions.Of(partnership, catalog))
            ? null
            : Hidden(principal, "partnership");
    }

    /// <summary>
    /// Null when <paramref name="scope"/> (a region id or ministry scope) lies within the caller's
    /// jurisdiction, so that what the scope shows is a part of what the caller sees.
    /// </summary>
    public static Rejection? CheckScope(Principal principal, string scope, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(scope);
        if (principal.IsGlobal)
        {
            return null;
        }

        return principal.Jurisdiction is { } own && Jurisdictions.IsWithin(scope, own, catalog)
            ? null
            : Rejection.OutOfScope($"{scope} lies outside the jurisdiction of {principal.Describe()}; ask for {principal.Jurisdiction ?? "your jurisdiction"} or a region under it");
    }

    /// <summary>Null when the caller may apply <paramref name="command"/> to <paramref name="partnership"/> (its state before the command).</summary>
    public static Rejection? CheckChange(Principal? principal, Partnership partnership, PartnershipCommand command, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        if (principal is null)
        {
            return Anonymous();
        }

        if (principal.Role == Role.System)
        {
            return null;
        }

        if (command is CheckDeadlines)
        {
            return Rejection.RoleNotAllowed("deadlines are checked by the server's own timers");
        }

        if (command is ProposePartnership propose && !partnership.Exists)
        {
            return CheckProposal(principal, propose);
        }

        var central = IsCentralApproval(command);
        return principal.Role switch
        {
            Role.Admin when central => CentralApprovalOnly(),
            Role.Admin => null,
            _ when !partnership.Exists => Hidden(principal, "partnership"),
            Role.RegionOfficial when !IsParty(principal.Jurisdiction, partnership) => Sees(principal, Jurisdictions.Of(partnership, catalog))
                ? Rejection.OutOfScope($"partnership {partnership.Id} is between {partnership.LocalRegion} and {partnership.Counterpart}; {principal.Describe()} may read it, but only the officials of its parties change it")
                : Hidden(principal, "partnership"),
            Role.RegionOfficial when central => CentralApprovalOnly(),
            Role.RegionOfficial => null,
            Role.Ministry when principal.Jurisdiction != Jurisdictions.Ministry(partnership.LocalRegion.Country) => Sees(principal, Jurisdictions.Of(partnership, catalog))
                ? Rejection.OutOfScope($"central-government approvals of partnership {partnership.Id} are recorded by {Jurisdictions.Ministry(partnership.LocalRegion.Country)}, the ministry of its local region; {principal.Describe()} may read it")
                : Hidden(principal, "partnership"),
            Role.Ministry when !central => Rejection.RoleNotAllowed(
                $"the ministry records central-government approvals only (the CentralApproval document and the moves into CentralReview and Drafting); the regions record everything else of partnership {partnership.Id}"),
            Role.Ministry => null,
            _ => Rejection.RoleNotAllowed($"a {RoleNames.Of(principal.Role)} reads partnerships but does not change them"),
        };
    }

    /// <summary>
    /// Null when the caller may change a joint programme of <paramref name="partnership"/>: the
    /// programmes of a partnership are run by its parties.
    /// </summary>
    public static Rejection? CheckProgramChange(Principal? principal, Partnership partnership, JointProgramCommand command, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        if (principal is null)
        {
            return Anonymous();
        }

        var what = command is CreateJointProgram ? "partnership" : "joint program";
        return principal.Role switch
        {
            Role.System => null,
            _ when command is CheckReportingDeadline => Rejection.RoleNotAllowed("reporting deadlines are checked by the server's own timers"),
            Role.Admin => null,
            _ when !partnership.Exists => Hidden(principal, what),
            Role.RegionOfficial when IsParty(principal.Jurisdiction, partnership) => null,
            Role.RegionOfficial or Role.Ministry or Role.Facilitator when Sees(principal, Jurisdictions.Of(partnership, catalog)) => Rejection.OutOfScope(
                $"the joint programs of partnership {partnership.Id} are run by the officials of its parties ({partnership.LocalRegion}, {partnership.Counterpart}); {principal.Describe()} may read them"),
            Role.RegionOfficial => Hidden(principal, what),
            _ => Rejection.RoleNotAllowed($"a {RoleNames.Of(principal.Role)} does not change joint programs"),
        };
    }

    /// <summary>
    /// Null when the caller may change the profile of the region the command names: its own
    /// officials, or the admin. No timer changes profiles, so the server's own role never does.
    /// </summary>
    public static Rejection? CheckProfileChange(Principal? principal, RegionProfileCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CheckCaller(principal) is { } refused)
        {
            return refused;
        }

        var region = command.RegionId.ToString();
        return principal!.Role switch
        {
            Role.Admin => null,
            Role.RegionOfficial when principal.Jurisdiction == region => null,
            Role.RegionOfficial => Rejection.OutOfScope($"the caller {principal.Describe()} keeps the profile of {principal.Jurisdiction} only, not that of {region}"),
            _ => Rejection.RoleNotAllowed($"a region's profile is kept by its own officials; a {RoleNames.Of(principal.Role)} does not change it"),
        };
    }

    /// <summary>
    /// Central-government approval (PP 28/2018; docs/domain.md §approvals) is the ministry's act: its
    /// document, and the moves into and out of the ministry's review.
    /// </summary>
    public static bool IsCentralApproval(PartnershipCommand command) => command switch
    {
        AttachDocument { Kind: DocumentKind.CentralApproval } => true,
        AdvanceStage { Target: PartnershipStage.CentralReview or PartnershipStage.Drafting } => true,
        _ => false,
    };

    private static Rejection? CheckProposal(Principal principal, ProposePartnership propose) => principal.Role switch
    {
        Role.Admin => null,
        Role.RegionOfficial when principal.Jurisdiction == propose.LocalRegion.ToString()
            || (propose.Counterpart?.Region is { } foreign && principal.Jurisdiction == foreign.ToString()) => null,
        Role.RegionOfficial => Rejection.OutOfScope(
            $"the caller {principal.Describe()} proposes partnerships of {principal.Jurisdiction} only; this one is between {propose.LocalRegion} and {propose.Counterpart}"),
        _ => Rejection.RoleNotAllowed($"partnerships are proposed by the officials of a party; a {RoleNames.Of(principal.Role)} does not propose them"),
    };

    private static bool IsParty(string? jurisdiction, Partnership partnership) =>
        jurisdiction is not null
        && (jurisdiction == partnership.LocalRegion.ToString() || jurisdiction == partnership.Counterpart.Region?.ToString());

    private static Rejection CentralApprovalOnly() => Rejection.RoleNotAllowed(
        "central-government approvals (the CentralApproval document and the moves into CentralReview and Drafting) are recorded by the ministry alone");

    /// <summary>
    /// The refusal of something the caller may not see, e.g. <c>partnership</c>: the same words whether
    /// it exists or not, so that the answer tells an outsider nothing.
    /// </summary>
    public static Rejection Hidden(Principal principal, string what) =>
        Rejection.OutOfScope($"the {what} does not exist or lies outside the jurisdiction of {principal.Describe()}");

    private static Rejection Anonymous() => Rejection.OutOfScope("the change names no authenticated caller");
}
