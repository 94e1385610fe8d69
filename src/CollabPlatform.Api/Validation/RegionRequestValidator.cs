using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Validation;

/// <summary>One validator per RegionService request; each collects every violation of its request.</summary>
internal static class RegionRequestValidator
{
    /// <summary>The profile fields an <c>update_mask</c> may name.</summary>
    public static readonly IReadOnlyList<string> ProfilePaths = ["strengths", "priority_sectors", "cooperation_office"];

    public static Violations Validate(GetRegionRequest request)
    {
        var v = MessageRules.Start(request);
        v.RegionId(request.RegionId, "region_id", required: true, out _);
        return v;
    }

    public static Violations Validate(SearchRegionsRequest request)
    {
        var v = MessageRules.Start(request);
        v.Required(request.Query, "query", "the query (a region id, an official code, or a name or part of one, e.g. Nanjing)");
        v.Country(request.Country, "country", required: false);
        return v;
    }

    /// <summary>Everything but <c>page_token</c>, which is checked against the parent once it is known.</summary>
    public static Violations Validate(ListChildRegionsRequest request)
    {
        var v = MessageRules.Start(request);
        if (request.ParentId.Length == 2 && request.ParentId.All(char.IsAsciiLetter))
        {
            v.Country(request.ParentId, "parent_id", required: true);
        }
        else
        {
            v.RegionId(request.ParentId, "parent_id", required: true, out _);
        }

        v.PageSize(request.PageSize);
        return v;
    }

    public static Violations Validate(UpdateRegionProfileRequest request)
    {
        var v = MessageRules.Start(request);
        v.RequestId(request.RequestId);
        v.RegionId(request.RegionId, "region_id", required: true, out _);
        v.ExpectedVersion(request.ExpectedVersion);
        var paths = request.UpdateMask?.Paths ?? [];
        for (var i = 0; i < paths.Count; i++)
        {
            if (!ProfilePaths.Contains(paths[i]))
            {
                v.Add($"update_mask.paths[{i}]", $"'{Violations.Printable(paths[i])}' is not an editable profile field; use strengths, priority_sectors or cooperation_office (the head changes through RecordHeadChange)");
            }
        }

        if (request.Profile is not { } profile)
        {
            v.Add("profile", "the profile is required: the new values of the fields named in update_mask (all three when it is empty)");
            return v;
        }

        bool Masked(string path) => paths.Count == 0 || paths.Contains(path);
        if (Masked("strengths") && v.ListSize(profile.Strengths.Count, "profile.strengths", "strengths"))
        {
            for (var i = 0; i < profile.Strengths.Count; i++)
            {
                v.Required(profile.Strengths[i], $"profile.strengths[{i}]", $"strength #{i + 1}", Violations.TextLength);
            }
        }

        if (Masked("priority_sectors"))
        {
            v.Sectors(profile.PrioritySectors, "profile.priority_sectors");
        }

        if (Masked("cooperation_office") && profile.CooperationOffice is { } office
            && (office.OfficeName.Length > 0 || office.Email.Length > 0 || office.Phone.Length > 0 || office.Address.Length > 0))
        {
            const string Field = "profile.cooperation_office";
            v.Required(office.OfficeName, Field + ".office_name", "the office's name, e.g. \"Bagian Kerja Sama, Setda Kabupaten Klaten\"");
            v.Email(office.Email, Field + ".email");
            v.Phone(office.Phone, Field + ".phone");
            v.MaxLength(office.Address, Field + ".address", "the address", Violations.TextLength);
        }

        return v;
    }

    public static Violations Validate(RecordHeadChangeRequest request)
    {
        var v = MessageRules.Start(request);
        v.RequestId(request.RequestId);
        v.RegionId(request.RegionId, "region_id", required: true, out _);
        v.ExpectedVersion(request.ExpectedVersion);
        if (request.NewHead is not { } head)
        {
            v.Add("new_head", "the new head is required: name, title of the office and the first day of the term");
            return v;
        }

        v.Required(head.Name, "new_head.name", "the new head's full name");
        v.Required(head.Title, "new_head.title", "the title of the office, e.g. Bupati, Gubernur, County Head (\"Pj. Bupati\" for an acting head)");
        var hasStart = v.Date(head.TermStart, "new_head.term_start", "the first day in office", required: true, out var start);
        if (v.Date(head.TermEnd, "new_head.term_end", "the last day in office", required: false, out var end)
            && head.TermEnd is not null && hasStart && end <= start)
        {
            v.Add("new_head.term_end", $"the term ends {end:yyyy-MM-dd}, not after it starts on {start:yyyy-MM-dd}");
        }

        return v;
    }
}
