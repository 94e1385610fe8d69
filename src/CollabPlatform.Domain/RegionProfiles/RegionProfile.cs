using System.Text.RegularExpressions;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Domain.RegionProfiles;

/// <summary>
/// What a region says about itself: strengths, priority sectors, cooperation office and head. The
/// catalogue entry (<see cref="Region"/>) is official data and never changes here. A new head is
/// appended, never a reset, because the agreement binds the region, not the person
/// (docs/domain.md §head-change).
/// </summary>
public sealed partial class RegionProfile
{
    private readonly List<RegionHead> _headHistory = [];

    /// <summary>False until the first event.</summary>
    public bool Exists { get; private set; }

    public RegionId RegionId { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<string> Strengths { get; private set; } = ValueList<string>.Empty;

    public IReadOnlyList<Sector> PrioritySectors { get; private set; } = ValueList<Sector>.Empty;

    public CooperationOffice? Office { get; private set; }

    public RegionHead? CurrentHead { get; private set; }

    /// <summary>Previous heads, oldest first, with their terms closed.</summary>
    public IReadOnlyList<RegionHead> HeadHistory => _headHistory;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RegionProfile FromHistory(IEnumerable<RegionProfileEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var profile = new RegionProfile();
        foreach (var e in events)
        {
            profile.Apply(e);
        }

        return profile;
    }

    public Decision<RegionProfileEvent> Decide(RegionProfileCommand cmd, RegionCatalog catalog, CommandContext ctx)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ctx);

        if (string.IsNullOrWhiteSpace(ctx.Actor))
        {
            return Decision<RegionProfileEvent>.Reject(Rejection.Invalid("actor", "the acting user or system must be named"));
        }

        if (!catalog.TryGet(cmd.RegionId, out var region))
        {
            return Decision<RegionProfileEvent>.Reject(Rejection.NotFound($"region {(cmd.RegionId.Country is null ? "(none)" : cmd.RegionId)} is not in the official region catalogue", "region_id"));
        }

        if (Exists && cmd.RegionId != RegionId)
        {
            return Decision<RegionProfileEvent>.Reject(Rejection.Invalid("region_id", $"this is the profile of {RegionId}, not of {cmd.RegionId}"));
        }

        return cmd switch
        {
            UpdateRegionProfile c => DecideUpdate(c, ctx),
            RecordHeadChange c => DecideHead(c, region, ctx),
            _ => throw new ArgumentException($"unknown region profile command {cmd.GetType().Name}", nameof(cmd)),
        };
    }

    /// <summary>Applies an accepted event. No validation: events are facts.</summary>
    public void Apply(RegionProfileEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case RegionProfileUpdated u:
                Strengths = u.Strengths;
                PrioritySectors = u.PrioritySectors;
                Office = u.Office;
                break;
            case RegionHeadChanged h:
                if (h.Previous is not null)
                {
                    _headHistory.Add(h.Previous);
                }

                CurrentHead = h.Head;
                break;
            default:
                throw new ArgumentException($"unknown region profile event {e.GetType().Name}", nameof(e));
        }

        Exists = true;
        RegionId = e.RegionId;
        Version++;
        UpdatedAt = e.OccurredAt;
    }

    private Decision<RegionProfileEvent> DecideUpdate(UpdateRegionProfile cmd, CommandContext ctx)
    {
        var strengths = ValueList.From(cmd.Strengths);
        var sectors = ValueList.From(cmd.PrioritySectors);
        var rejection = CheckStrengths(strengths)
            ?? Check.Sectors(sectors, "priority_sectors")
            ?? CheckOffice(cmd.Office);
        if (rejection is not null)
        {
            return Decision<RegionProfileEvent>.Reject(rejection);
        }

        // Saving the same profile again is not a change.
        if (Exists && strengths.SequenceEqual(Strengths) && sectors.SequenceEqual(PrioritySectors) && Equals(cmd.Office, Office))
        {
            return Decision<RegionProfileEvent>.Accept();
        }

        return Decision<RegionProfileEvent>.Accept(new RegionProfileUpdated
        {
            RegionId = cmd.RegionId,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Strengths = strengths,
            PrioritySectors = sectors,
            Office = cmd.Office,
        });
    }

    private Decision<RegionProfileEvent> DecideHead(RecordHeadChange cmd, Region region, CommandContext ctx)
    {
        var head = cmd.Head;
        if (head is null)
        {
            return Decision<RegionProfileEvent>.Reject(Rejection.Invalid("head", "the new head of region is required"));
        }

        var rejection = Check.Required(head.Name, "head.name", "the head's name")
            ?? Check.Required(head.Title, "head.title", "the head's title")
            ?? Check.Set(head.TermStart, "head.term_start", "the start of the term")
            ?? Check.NotInFuture(head.TermStart, ctx, "head.term_start", "a change of head is recorded once it has happened; the start of the term")
            ?? (head.TermEnd is { } end && end <= head.TermStart
                ? Rejection.Invalid("head.term_end", $"the term ends {Wording.Date(end)}, not after it starts on {Wording.Date(head.TermStart)}")
                : null)
            ?? Check.Optional(cmd.Note, "note", "the note", DomainLimits.MaxTextLength);
        if (rejection is not null)
        {
            return Decision<RegionProfileEvent>.Reject(rejection);
        }

        if (CurrentHead is { } current)
        {
            if (current.Name == head.Name && current.TermStart == head.TermStart)
            {
                return Decision<RegionProfileEvent>.Reject(Rejection.Exists($"{head.Name} is already recorded as {current.Title} from {Wording.Date(current.TermStart)}", "head"));
            }

            // History is appended in order; an earlier head is a correction of the record, not a change.
            if (head.TermStart <= current.TermStart)
            {
                return Decision<RegionProfileEvent>.Reject(Rejection.Precondition(
                    $"the new head's term starts {Wording.Date(head.TermStart)}, not after the current head {current.Name} took office on {Wording.Date(current.TermStart)} in {region.DisplayName}"));
            }
        }

        // The outgoing head's term ends the day before the successor's starts, unless it was
        // recorded already (an acting head may have filled a gap).
        var previous = CurrentHead is { } outgoing
            ? outgoing with { TermEnd = outgoing.TermEnd ?? head.TermStart.AddDays(-1) }
            : null;
        return Decision<RegionProfileEvent>.Accept(new RegionHeadChanged
        {
            RegionId = cmd.RegionId,
            OccurredAt = ctx.Now,
            Actor = ctx.Actor,
            Head = head,
            Previous = previous,
            Note = cmd.Note,
        });
    }

    private static Rejection? CheckStrengths(ValueList<string> strengths)
    {
        if (Check.ListSize(strengths, "strengths", "strengths") is { } tooMany)
        {
            return tooMany;
        }

        for (var i = 0; i < strengths.Count; i++)
        {
            if (Check.Required(strengths[i], $"strengths[{i}]", $"strength #{i + 1}", DomainLimits.MaxTextLength) is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }

    private static Rejection? CheckOffice(CooperationOffice? office)
    {
        if (office is null)
        {
            return null;
        }

        var rejection = Check.Required(office.Name, "office.name", "the office's name")
            ?? Check.Optional(office.Email, "office.email", "the office's e-mail", DomainLimits.MaxContactLength)
            ?? Check.Optional(office.Phone, "office.phone", "the office's phone", DomainLimits.MaxContactLength)
            ?? Check.Optional(office.Address, "office.address", "the office's address", DomainLimits.MaxTextLength);
        if (rejection is not null)
        {
            return rejection;
        }

        if (office.Email is { } email && !EmailShape().IsMatch(email))
        {
            return Rejection.Invalid("office.email", $"'{email}' is not an e-mail address");
        }

        return office.Phone is { } phone && !PhoneShape().IsMatch(phone)
            ? Rejection.Invalid("office.phone", $"'{phone}' is not a phone number (digits, spaces, +, -, parentheses)")
            : null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
