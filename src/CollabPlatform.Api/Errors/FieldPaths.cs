using System.Text.RegularExpressions;

namespace CollabPlatform.Api.Errors;

/// <summary>
/// Field paths of domain rejections (relative to the domain command, e.g. <c>validity.expires</c>)
/// as paths of the request the client sent (<c>document.validity.expiry_date</c>). The validators
/// catch nearly everything first; this keeps the few rules only the domain can check (those that
/// need the catalogue, the clock or the current state) pointing at the right request field.
/// </summary>
internal static partial class FieldPaths
{
    public static string Propose(string field) => Common(field) ?? field switch
    {
        "local_region" => "local_region_id",
        "counterpart.region" => "counterpart.foreign_region_id",
        "partnership_id" => "request_id",
        _ => field,
    };

    public static string Meeting(string field) => Common(field) ?? (field == "meeting_id" ? "request_id" : "meeting." + field);

    public static string Document(string field) => Common(field) ?? (field == "document_id" ? "request_id" : "document." + Validity(field));

    public static string Renew(string field) => Common(field) ?? field switch
    {
        "reason" => "reason",
        "document_id" => "request_id",
        _ => "document." + Validity(field),
    };

    public static string Advance(string field) => Common(field) ?? (field == "target" ? "target_stage" : field);

    public static string Terminate(string field) => Common(field) ?? field;

    public static string Sectors(string field) => Common(field) ?? (field == "sectors" ? "priority_sectors" : field);

    public static string Facilitator(string field) => Common(field) ?? (field == "jurisdiction" ? "jurisdiction_id" : field);

    public static string CreateProgram(string field) => Common(field) ?? (field == "program_id"
        ? "request_id"
        : DueSuffix().Replace(CompletedSuffix().Replace(field, ".completed_date"), ".due_date"));

    public static string Progress(string field) => Common(field) ?? (field == "new_status"
        ? "status"
        : CompletedSuffix().Replace(field, ".completed_date"));

    public static string Report(string field) => Common(field) ?? (field == "report_id" ? "request_id" : "report." + field);

    public static string Evaluation(string field) => Common(field) ?? (field == "evaluation_id" ? "request_id" : "evaluation." + field);

    public static string RegionProfile(string field) => Common(field) ?? field switch
    {
        "region_id" => "region_id",
        "office.name" => "profile.cooperation_office.office_name",
        _ when field.StartsWith("office.", StringComparison.Ordinal) => "profile.cooperation_office." + field["office.".Length..],
        _ => "profile." + field,
    };

    public static string HeadChange(string field) => Common(field) ?? field switch
    {
        "head" => "new_head",
        _ when field.StartsWith("head.", StringComparison.Ordinal) => "new_head." + field["head.".Length..],
        _ => field,
    };

    private static string? Common(string field) => field switch
    {
        "request_id" or "expected_version" => field,
        // The actor is the token's subject.
        "actor" => "authorization",
        _ => null,
    };

    private static string Validity(string field) => field switch
    {
        "validity.effective" => "validity.effective_date",
        "validity.expires" => "validity.expiry_date",
        _ => field,
    };

    [GeneratedRegex(@"\.completed_on$", RegexOptions.CultureInvariant)]
    private static partial Regex CompletedSuffix();

    [GeneratedRegex(@"\.due$", RegexOptions.CultureInvariant)]
    private static partial Regex DueSuffix();
}
