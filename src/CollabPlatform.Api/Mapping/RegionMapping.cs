using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.Regions;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Mapping;

/// <summary>Catalogue entries and profiles between the domain and region_service.proto.</summary>
internal static class RegionMapping
{
    /// <summary>A region with its ancestors (top level first) and its profile.</summary>
    public static V1.Region ToProto(this Region region, IReadOnlyList<Region> ancestors, RegionProfile profile)
    {
        var proto = new V1.Region
        {
            Id = region.Id.ToString(),
            ParentId = region.ParentId?.ToString() ?? string.Empty,
            Country = region.Id.Country,
            Level = region.Level,
            Kind = region.Kind,
            Name = region.Name,
            NameEn = region.NameEn ?? string.Empty,
            Profile = profile.ToProto(),
            Version = profile.Version,
        };
        proto.Ancestors.AddRange(ancestors.Select(ToSummary));
        return proto;
    }

    public static V1.RegionSummary ToSummary(this Region region) => new()
    {
        Id = region.Id.ToString(),
        Level = region.Level,
        Kind = region.Kind,
        Name = region.Name,
        NameEn = region.NameEn ?? string.Empty,
    };

    public static V1.RegionProfile ToProto(this RegionProfile profile)
    {
        var proto = new V1.RegionProfile
        {
            CooperationOffice = profile.Office is { } office
                ? new V1.OfficeContact { OfficeName = office.Name, Email = office.Email ?? string.Empty, Phone = office.Phone ?? string.Empty, Address = office.Address ?? string.Empty }
                : null,
            CurrentHead = profile.CurrentHead?.ToProto(),
            UpdatedAt = profile.Exists ? profile.UpdatedAt.ToProto() : null,
        };
        proto.Strengths.AddRange(profile.Strengths);
        proto.PrioritySectors.AddRange(profile.PrioritySectors.Select(CommonMapping.ToProto));

        // The domain keeps the history oldest first; the contract shows the most recent first.
        proto.HeadHistory.AddRange(profile.HeadHistory.Reverse().Select(ToProto));
        return proto;
    }

    public static V1.RegionHead ToProto(this RegionHead head) => new()
    {
        Name = head.Name,
        Title = head.Title,
        TermStart = head.TermStart.ToProto(),
        TermEnd = head.TermEnd.ToProto(),
    };

    public static RegionHead ToDomain(this V1.RegionHead head) =>
        new(head.Name.Trim(), head.Title.Trim(), head.TermStart.ToDomain(), head.TermEnd.ToDomainOrNull());

    public static CooperationOffice? ToDomain(this V1.OfficeContact? office) =>
        office is null || (string.IsNullOrWhiteSpace(office.OfficeName) && string.IsNullOrWhiteSpace(office.Email) && string.IsNullOrWhiteSpace(office.Phone) && string.IsNullOrWhiteSpace(office.Address))
            ? null
            : new CooperationOffice(office.OfficeName.Trim(), CommonMapping.Optional(office.Email), CommonMapping.Optional(office.Phone), CommonMapping.Optional(office.Address));

    public static V1.RegionMatchKind ToMatchKind(string matchedOn) => matchedOn switch
    {
        "id" => V1.RegionMatchKind.Id,
        "code" => V1.RegionMatchKind.Code,
        _ => V1.RegionMatchKind.Name,
    };

    /// <summary>"Nanjing County, Zhangzhou, Fujian, CN": the region, then its ancestors from the nearest up, then the country.</summary>
    public static string DisplayName(Region region, IReadOnlyList<Region> ancestors) =>
        string.Join(", ", new[] { region.DisplayName }.Concat(ancestors.Reverse().Select(a => a.DisplayName)).Append(region.Id.Country));
}
