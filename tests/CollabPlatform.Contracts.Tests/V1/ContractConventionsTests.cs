using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;

namespace CollabPlatform.Contracts.Tests.V1;

/// <summary>
/// The API rules of DESIGN.md §5 that buf lint cannot check. Each test lists every offender, so a
/// failure names the rpc or field to fix.
/// </summary>
public sealed partial class ContractConventionsTests
{
    [Fact]
    public void Services_AllFive_AreInPackageCollabV1()
    {
        var services = ApiDescriptors.Files.SelectMany(f => f.Services).Select(s => s.FullName).Order();

        Assert.Equal(
            ["collab.v1.AuditService", "collab.v1.FacilitationService", "collab.v1.JointProgramService", "collab.v1.PartnershipService", "collab.v1.RegionService"],
            services);
    }

    [Fact]
    public void EveryRpc_HttpRule_GetForReadsAndPostWithWholeBodyForMutations()
    {
        var offenders = new List<string>();
        foreach (var method in ApiDescriptors.Methods)
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            var expected = ApiDescriptors.IsRead(method)
                ? rule is { PatternCase: HttpRule.PatternOneofCase.Get, Body: "" }
                : rule is { PatternCase: HttpRule.PatternOneofCase.Post, Body: "*" };
            if (!expected)
            {
                offenders.Add($"{method.FullName}: {rule?.ToString() ?? "no google.api.http rule"}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryHttpPath_Variables_AreRequiredStringFieldsOfTheRequest()
    {
        var offenders = new List<string>();
        foreach (var method in ApiDescriptors.Methods)
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            var path = rule?.Get is { Length: > 0 } get ? get : rule?.Post ?? "";
            foreach (Match variable in PathVariable().Matches(path))
            {
                var field = method.InputType.FindFieldByName(variable.Groups[1].Value);
                if (field is not { FieldType: FieldType.String } || !Behaviors(field).Contains(FieldBehavior.Required))
                {
                    offenders.Add($"{method.FullName}: {{{variable.Groups[1].Value}}} in {path}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryMutation_FirstField_IsRequiredRequestId()
    {
        var offenders = ApiDescriptors.Methods
            .Where(m => !ApiDescriptors.IsRead(m))
            .Where(m => m.InputType.FindFieldByNumber(1) is not { Name: "request_id", FieldType: FieldType.String } field
                || !Behaviors(field).Contains(FieldBehavior.Required))
            .Select(m => m.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryMutationOfAnExistingResource_HasInt64ExpectedVersion()
    {
        var creations = new HashSet<string>(StringComparer.Ordinal) { "ProposePartnership", "CreateJointProgram" };

        var offenders = ApiDescriptors.Methods
            .Where(m => !ApiDescriptors.IsRead(m) && !creations.Contains(m.Name))
            .Where(m => m.InputType.FindFieldByName("expected_version") is not { FieldType: FieldType.Int64 })
            .Select(m => m.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryMutationResponse_ReturnsAResourceWithItsVersion()
    {
        var offenders = ApiDescriptors.Methods
            .Where(m => !ApiDescriptors.IsRead(m))
            .Where(m => !m.OutputType.Fields.InDeclarationOrder().Any(f =>
                f.FieldType == FieldType.Message && f.MessageType.FindFieldByName("version") is { FieldType: FieldType.Int64 }))
            .Select(m => m.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryListRpc_PagesWithPageSizeTokenAndNextPageToken()
    {
        var offenders = ApiDescriptors.Methods
            .Where(m => m.Name.StartsWith("List", StringComparison.Ordinal))
            .Where(m => m.InputType.FindFieldByName("page_size") is not { FieldType: FieldType.Int32 }
                || m.InputType.FindFieldByName("page_token") is not { FieldType: FieldType.String }
                || m.OutputType.FindFieldByName("next_page_token") is not { FieldType: FieldType.String })
            .Select(m => m.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryInstantField_IsTimestamp_AndEveryDateField_IsGoogleTypeDate()
    {
        var offenders = new List<string>();
        foreach (var field in ApiDescriptors.Messages.SelectMany(m => m.Fields.InDeclarationOrder()))
        {
            var type = field.FieldType == FieldType.Message ? field.MessageType.FullName : field.FieldType.ToString();
            var expected = field.Name switch
            {
                _ when field.Name.EndsWith("_at", StringComparison.Ordinal) || field.Name == "server_time" => "google.protobuf.Timestamp",
                _ when field.Name == "date" || field.Name.EndsWith("_date", StringComparison.Ordinal) => "google.type.Date",
                _ when field.Name.StartsWith("term_", StringComparison.Ordinal) || field.Name.StartsWith("period_", StringComparison.Ordinal) => "google.type.Date",
                _ when field.Name == "next_report_due" => "google.type.Date",
                _ => null,
            };
            if (expected is not null && type != expected)
            {
                offenders.Add($"{field.FullName} is {type}, expected {expected}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryEnum_ZeroValue_IsUnspecified()
    {
        var offenders = ApiDescriptors.Enums
            .Where(e => e.FindValueByNumber(0) is not { } zero || !zero.Name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
            .Select(e => e.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryRequiredField_IsNeverAlsoOutputOnly()
    {
        var offenders = ApiDescriptors.Messages
            .SelectMany(m => m.Fields.InDeclarationOrder())
            .Where(f => Behaviors(f) is var b && b.Contains(FieldBehavior.Required) && b.Contains(FieldBehavior.OutputOnly))
            .Select(f => f.FullName);

        Assert.Empty(offenders);
    }

    private static RepeatedField<FieldBehavior> Behaviors(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? [];

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PathVariable();
}
