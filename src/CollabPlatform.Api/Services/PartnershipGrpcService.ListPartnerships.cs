using System.Text.Json;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.Ledger;
using CollabPlatform.Persistence.ReadModels;
using Grpc.Core;
using DomainPartnership = CollabPlatform.Domain.Partnerships.Partnership;

namespace CollabPlatform.Api.Services;

public sealed partial class PartnershipGrpcService
{
    private const string FacilitatorAddedType = "partnership.facilitator_added";

    public override async Task<ListPartnershipsResponse> ListPartnerships(ListPartnershipsRequest request, ServerCallContext context)
    {
        PartnershipRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var region = request.RegionId.Length > 0 ? catalog.Require(RegionId.Parse(request.RegionId), "region_id").Id : (RegionId?)null;
        var facilitator = request.FacilitatorId.Length > 0 ? catalog.RequireJurisdiction(request.FacilitatorId, "facilitator_id") : null;
        RequireFilterInScope(caller, region?.ToString(), "region_id");
        RequireFilterInScope(caller, facilitator, "facilitator_id");
        var filter = new PartnershipFilter
        {
            Jurisdiction = facilitator,
            Region = region?.ToString(),
            RegionSubtree = region is { } root ? catalog.Subtree(root) : [],
            Stages = [.. request.Stages.Distinct().Select(s => s.ToDomain().ToString())],
            Sectors = [.. request.Sectors.Distinct().Select(s => s.ToDomain().ToString())],
            Kind = request.Kind == PartnershipKind.Unspecified ? null : request.Kind.ToDomain().ToString(),
            Viewer = caller.Viewer,
        };
        if (!PartnershipQueries.TryReadPageToken(filter, request.PageToken, out var after, out var error))
        {
            throw RpcErrors.InvalidArgument("page_token", error!);
        }

        var page = await partnerships.ListAsync(filter, PageSizes.Normalize(request.PageSize), after, context.CancellationToken);
        var streams = page.Items.Select(r => GrainKeys.Partnership(r.PartnershipId)).ToList();
        var full = request.View == PartnershipView.Full;

        // FULL folds each partnership's events (one query for the page, no grain activations);
        // BASIC reads the summary the grain stored with the row, plus the facilitator events.
        var events = await ledger.ReadStreamsAsync(streams, full ? [] : [FacilitatorAddedType], context.CancellationToken);
        var response = new ListPartnershipsResponse { NextPageToken = page.NextPageToken };
        foreach (var row in page.Items)
        {
            var stored = events.GetValueOrDefault(GrainKeys.Partnership(row.PartnershipId)) ?? [];
            response.Partnerships.Add(full ? Fold(stored).ToProto() : Basic(row, stored));
        }

        return response;
    }

    /// <summary>
    /// PERMISSION_DENIED (OUT_OF_SCOPE) for a filter on a jurisdiction of the caller's own country
    /// that neither lies within the caller's nor contains it: such a list could only ever be empty,
    /// and an empty answer would read as "no ties there". A foreign region narrows the list to the
    /// caller's ties with it and is allowed; what the caller may see is limited either way.
    /// </summary>
    private void RequireFilterInScope(Caller caller, string? filter, string field)
    {
        var principal = caller.Principal;
        if (filter is null || principal.IsGlobal)
        {
            return;
        }

        if (principal.Jurisdiction is { } own
            && (Jurisdictions.IsWithin(filter, own, catalog) || Jurisdictions.IsWithin(own, filter, catalog) || CountryOf(filter) != CountryOf(own)))
        {
            return;
        }

        throw RpcErrors.OutOfScope(
            $"{field} {filter} lies outside the jurisdiction of {principal.Describe()}: filter on {principal.Jurisdiction ?? "your jurisdiction"}, a region under or above it, or a foreign party.",
            principal.Jurisdiction ?? string.Empty);
    }

    private static string CountryOf(string jurisdiction) =>
        Jurisdictions.IsMinistry(jurisdiction) ? jurisdiction[^2..] : RegionId.TryParse(jurisdiction, out var region, out _) ? region.Country : jurisdiction;

    private static DomainPartnership Fold(IReadOnlyList<StoredLedgerEvent> stored) =>
        DomainPartnership.FromHistory(stored.Select(e => JsonSerializer.Deserialize<PartnershipEvent>(e.Payload, DomainJson.Options)!));

    private static Partnership Basic(PartnershipListRow row, IReadOnlyList<StoredLedgerEvent> facilitatorEvents)
    {
        var summary = JsonSerializer.Deserialize<PartnershipSummary>(row.Summary, DomainJson.Options)!;
        var proto = new Partnership
        {
            Id = summary.Id,
            Version = summary.Version,
            Kind = summary.Kind.ToProto(),
            Stage = summary.Stage.ToProto(),
            Title = summary.Title,
            LocalRegionId = summary.LocalRegion.ToString(),
            Counterpart = summary.Counterpart.ToProto(),
            Validity = summary.Validity?.ToProto(),
            CreatedAt = summary.CreatedAt.ToProto(),
            UpdatedAt = summary.UpdatedAt.ToProto(),
        };
        proto.PrioritySectors.AddRange(summary.PrioritySectors.Select(CommonMapping.ToProto));
        proto.Facilitators.AddRange(facilitatorEvents
            .Where(e => e.StreamVersion <= summary.Version)
            .Select(e => JsonSerializer.Deserialize<PartnershipEvent>(e.Payload, DomainJson.Options))
            .OfType<FacilitatorAdded>()
            .Select(f => new Facilitator { JurisdictionId = f.Jurisdiction, Role = f.Role, AddedAt = f.OccurredAt.ToProto(), AddedBy = f.Actor }));
        return proto;
    }
}
