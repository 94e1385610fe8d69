using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Idempotency;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Mapping;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.ReadModels;
using Grpc.Core;
using DomainRegion = CollabPlatform.Domain.Regions.Region;
using Region = CollabPlatform.Contracts.V1.Region;
using RegionMatch = CollabPlatform.Contracts.V1.RegionMatch;
using RegionProfile = CollabPlatform.Domain.RegionProfiles.RegionProfile;

namespace CollabPlatform.Api.Services;

/// <summary>
/// collab.v1.RegionService: the catalogue is in memory (<see cref="RegionCatalog"/>); profiles live
/// in one grain per region.
/// </summary>
public sealed class RegionGrpcService(IGrainFactory grains, RegionCatalog catalog, ICallerAccessor callers) : RegionService.RegionServiceBase
{
    /// <summary>How often a partial profile update re-reads and retries when another change slipped in between.</summary>
    private const int MergeAttempts = 3;

    public override async Task<GetRegionResponse> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        RegionRequestValidator.Validate(request).ThrowIfInvalid();
        var region = catalog.Require(RegionId.Parse(request.RegionId), "region_id");
        return new GetRegionResponse { Region = await LoadAsync(region) };
    }

    public override async Task<SearchRegionsResponse> SearchRegions(SearchRegionsRequest request, ServerCallContext context)
    {
        RegionRequestValidator.Validate(request).ThrowIfInvalid();
        var result = catalog.Search(request.Query, request.Country.Length == 0 ? null : request.Country);
        var regions = await Task.WhenAll(result.Matches.Select(m => LoadAsync(m.Region)));
        var response = new SearchRegionsResponse { Ambiguous = result.IsAmbiguous, Truncated = result.Truncated };
        response.Matches.AddRange(result.Matches.Select((m, i) => new RegionMatch
        {
            Region = regions[i],
            MatchKind = RegionMapping.ToMatchKind(m.MatchedOn),
            DisplayName = RegionMapping.DisplayName(m.Region, m.Path),
        }));
        return response;
    }

    public override async Task<ListChildRegionsResponse> ListChildRegions(ListChildRegionsRequest request, ServerCallContext context)
    {
        RegionRequestValidator.Validate(request).ThrowIfInvalid();
        IReadOnlyList<DomainRegion> children;
        if (request.ParentId.Length == 2)
        {
            children = [.. catalog.All.Where(r => r.ParentId is null && r.Id.Country == request.ParentId)];
            if (children.Count == 0)
            {
                throw RpcErrors.RegionNotFound(request.ParentId, "parent_id");
            }
        }
        else
        {
            children = catalog.ChildrenOf(catalog.Require(RegionId.Parse(request.ParentId), "parent_id").Id);
        }

        var filterKey = "children|" + request.ParentId;
        if (!PageToken.TryDecode(request.PageToken, filterKey, 1, out var after, out var error))
        {
            throw RpcErrors.InvalidArgument("page_token", error!);
        }

        var size = PageSizes.Normalize(request.PageSize);
        var remaining = children
            .OrderBy(r => r.Id.ToString(), StringComparer.Ordinal)
            .SkipWhile(r => after is not null && string.CompareOrdinal(r.Id.ToString(), after[0]) <= 0)
            .Take(size + 1)
            .ToList();
        var page = remaining.Take(size).ToList();
        var response = new ListChildRegionsResponse
        {
            NextPageToken = remaining.Count > size ? PageToken.Encode(filterKey, [page[^1].Id.ToString()]) : string.Empty,
        };
        response.Regions.AddRange(await Task.WhenAll(page.Select(LoadAsync)));
        return response;
    }

    public override async Task<UpdateRegionProfileResponse> UpdateRegionProfile(UpdateRegionProfileRequest request, ServerCallContext context)
    {
        RegionRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var region = catalog.Require(RegionId.Parse(request.RegionId), "region_id");
        var grain = Grain(region.Id);
        var paths = request.UpdateMask?.Paths ?? [];
        var partial = paths.Count > 0 && !RegionRequestValidator.ProfilePaths.All(paths.Contains);
        var hash = RequestIds.Hash(request);

        // A partial update keeps the fields it does not name, so it is decided on the version it
        // read; when another change lands in between it reads again, unless the caller pinned a version.
        for (var attempt = 1; ; attempt++)
        {
            var current = RegionProfile.FromHistory((await grain.GetAsync()).Events);
            var command = Merge(region.Id, current, request.Profile, paths);
            var expected = partial && request.ExpectedVersion == 0 ? current.Version : request.ExpectedVersion;
            var result = await grain.ExecuteAsync(command, new CommandMetadata(caller.Actor, request.RequestId, expected, hash, caller.Principal));
            if (result.Rejection is { Kind: RejectionKind.Conflict } && request.ExpectedVersion == 0 && attempt < MergeAttempts)
            {
                continue;
            }

            return new UpdateRegionProfileResponse { Region = await ResultAsync(region, grain, result, request.ExpectedVersion, FieldPaths.RegionProfile) };
        }
    }

    public override async Task<RecordHeadChangeResponse> RecordHeadChange(RecordHeadChangeRequest request, ServerCallContext context)
    {
        RegionRequestValidator.Validate(request).ThrowIfInvalid();
        var caller = callers.GetCaller(context);
        var region = catalog.Require(RegionId.Parse(request.RegionId), "region_id");
        var grain = Grain(region.Id);
        var command = new RecordHeadChange { RegionId = region.Id, Head = request.NewHead.ToDomain() };
        var result = await grain.ExecuteAsync(command, new CommandMetadata(caller.Actor, request.RequestId, request.ExpectedVersion, RequestIds.Hash(request), caller.Principal));
        return new RecordHeadChangeResponse { Region = await ResultAsync(region, grain, result, request.ExpectedVersion, FieldPaths.HeadChange) };
    }

    private static UpdateRegionProfile Merge(RegionId id, RegionProfile current, Contracts.V1.RegionProfile changes, Google.Protobuf.Collections.RepeatedField<string> paths)
    {
        bool Replaces(string path) => paths.Count == 0 || paths.Contains(path);
        return new UpdateRegionProfile
        {
            RegionId = id,
            Strengths = Replaces("strengths") ? ValueList.From(changes.Strengths.Select(s => s.Trim())) : ValueList.From(current.Strengths),
            PrioritySectors = Replaces("priority_sectors") ? changes.PrioritySectors.ToDomain() : ValueList.From(current.PrioritySectors),
            Office = Replaces("cooperation_office") ? changes.CooperationOffice.ToDomain() : current.Office,
        };
    }

    private async Task<Region> ResultAsync(
        DomainRegion region,
        IRegionGrain grain,
        CommandResult<AggregateSnapshot<RegionProfileEvent>> result,
        long expectedVersion,
        Func<string, string> fieldPath)
    {
        if (result.Rejection is { } rejection)
        {
            var current = rejection.Kind == RejectionKind.Conflict ? (await grain.GetAsync()).Version : (long?)null;
            throw RpcErrors.FromRejection(rejection, new RejectionContext(ResourceKind.Region, region.Id.ToString(), fieldPath, expectedVersion) { CurrentVersion = current });
        }

        return region.ToProto(catalog.AncestorsOf(region.Id), RegionProfile.FromHistory(result.Snapshot!.Events));
    }

    private async Task<Region> LoadAsync(DomainRegion region)
    {
        var snapshot = await Grain(region.Id).GetAsync();
        return region.ToProto(catalog.AncestorsOf(region.Id), RegionProfile.FromHistory(snapshot.Events));
    }

    private IRegionGrain Grain(RegionId id) => grains.GetGrain<IRegionGrain>(GrainKeys.Region(id.ToString()));
}
