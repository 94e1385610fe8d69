using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Validation;

/// <summary>The validator of AuditService's request; it collects every violation.</summary>
internal static class AuditRequestValidator
{
    /// <summary>Everything but <c>page_token</c>, which is checked against the filters once they are known.</summary>
    public static Violations Validate(ListAuditRecordsRequest request)
    {
        var v = MessageRules.Start(request);
        v.Jurisdiction(request.Scope, "scope", required: false, out _);
        if (request.PartnershipId.Length > 0)
        {
            v.PartnershipId(request.PartnershipId);
        }

        v.MaxLength(request.ResourceId, "resource_id", "the resource id", Violations.IdLength);
        v.MaxLength(request.Actor, "actor", "the actor", Identity.TokenClaims.MaxSubjectLength);
        var start = Instant(v, request.StartTime, "start_time");
        var end = Instant(v, request.EndTime, "end_time");
        if (start is not null && end is not null && end <= start)
        {
            v.Add("end_time", "end_time must be after start_time");
        }

        v.PageSize(request.PageSize);
        return v;
    }

    private static DateTimeOffset? Instant(Violations v, Google.Protobuf.WellKnownTypes.Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        // Timestamp's own range (years 1 to 9999), with valid nanoseconds.
        if (value.Seconds is < -62135596800 or > 253402300799 || value.Nanos is < 0 or > 999_999_999)
        {
            v.Add(field, $"{field} is not a valid timestamp (years 0001 to 9999, nanos 0 to 999999999)");
            return null;
        }

        return value.ToDateTimeOffset();
    }
}
