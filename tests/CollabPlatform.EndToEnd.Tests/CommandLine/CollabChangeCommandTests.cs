using System.Text.Json;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// The everyday change commands against a real Host: <c>partnerships advance</c> (with a safe retry
/// by request id, and the server's refusal printed), and <c>programs list|show|report</c>.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class CollabChangeCommandTests(ApiHostFixture host)
{
    [Fact]
    public async Task PartnershipsAdvance_MovesTheStage_ARetryWithTheSameRequestIdChangesNothing_AndAnIllegalMoveIsRefused()
    {
        var address = host.GrpcAddress.ToString();
        var ids = RequestIds.Unique("cli-advance");
        var client = host.Client.As(SurakartaStory.Official);
        var id = (await client.Partnerships.ProposePartnershipAsync(SurakartaStory.Propose(ids, SurakartaStory.Zhuhai))).Partnership.Id;
        await client.Partnerships.AttachDocumentAsync(SurakartaStory.LetterOfIntent2015(ids, SurakartaStory.Zhuhai, id));
        var requestId = ids.For("cli-advance");

        var first = await CliRun.InvokeAsync("partnerships", "advance", id, "--to", "LetterOfIntent", "--note", "letter signed", "--request-id", requestId, "--actor", SurakartaStory.Actor, "--address", address);
        var retry = await CliRun.InvokeAsync("partnerships", "advance", id, "--to", "LetterOfIntent", "--note", "letter signed", "--request-id", requestId, "--actor", SurakartaStory.Actor, "--address", address);
        var illegal = await CliRun.InvokeAsync("partnerships", "advance", id, "--to", "Signed", "--actor", SurakartaStory.Actor, "--address", address);
        var after = (await client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id })).Partnership;

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal($"{id} is now at LetterOfIntent (version 3)\n", first.Output);
        Assert.Equal(first.Output, retry.Output);
        Assert.Equal(1, illegal.ExitCode);
        Assert.StartsWith("request id cli-", illegal.Error, StringComparison.Ordinal);
        Assert.Contains("FAILED_PRECONDITION", illegal.Error, StringComparison.Ordinal);
        Assert.Contains("ILLEGAL_TRANSITION", illegal.Error, StringComparison.Ordinal);
        Assert.Equal(PartnershipStage.LetterOfIntent, after.Stage);
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public async Task Programs_ListShowAndReport_ReadAndRecordAProgrammesProgress()
    {
        var address = host.GrpcAddress.ToString();
        var ids = RequestIds.Unique("cli-programs");
        var client = host.Client.As(SurakartaStory.Official);
        var id = (await client.Partnerships.ProposePartnershipAsync(SurakartaStory.Propose(ids, SurakartaStory.Zhuhai))).Partnership.Id;
        await client.Partnerships.AttachDocumentAsync(SurakartaStory.LetterOfIntent2015(ids, SurakartaStory.Zhuhai, id));
        await client.Partnerships.AdvanceStageAsync(SurakartaStory.ToLetterOfIntent(ids, SurakartaStory.Zhuhai, id));
        var programmes = new List<string>();
        foreach (var request in SurakartaStory.Programmes(ids, SurakartaStory.Zhuhai, id))
        {
            programmes.Add((await client.JointPrograms.CreateJointProgramAsync(request)).JointProgram.Id);
        }

        await client.JointPrograms.UpdateProgressAsync(SurakartaStory.Activate(ids, "sport", programmes[0]));

        var list = await CliRun.InvokeAsync("programs", "list", "--partnership", id, "--address", address);
        var report = await CliRun.InvokeAsync(
            "programs", "report", programmes[0], "--from", "2022-01-01", "--to", "2022-06-30", "--summary", "youth teams visited; O'Brien's \"coaching\" <clinic>",
            "--author", "Dispora Kota Surakarta", "--actor", SurakartaStory.Actor, "--address", address);
        var show = await CliRun.InvokeAsync("programs", "show", programmes[0], "--address", address);
        var json = await CliRun.InvokeAsync("programs", "show", programmes[0], "--output", "json", "--address", address);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Equal(programmes.Order(StringComparer.Ordinal), list.Output.TrimEnd('\n').Split('\n').Select(line => line.Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.StartsWith("report ", report.Output, StringComparison.Ordinal);
        Assert.Contains($"recorded on {programmes[0]}", report.Output, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("Solo – Zhuhai youth sport exchange", show.Output, StringComparison.Ordinal);
        Assert.Contains("2022-01-01 to 2022-06-30 by Dispora Kota Surakarta: youth teams visited; O'Brien's \"coaching\" <clinic>", show.Output, StringComparison.Ordinal);
        var reports = JsonDocument.Parse(json.Output).RootElement.GetProperty("reports");
        Assert.Equal("youth teams visited; O'Brien's \"coaching\" <clinic>", Assert.Single(reports.EnumerateArray()).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task ProgramsReport_WithoutItsRequiredOptions_SaysWhichAreMissing()
    {
        var result = await CliRun.InvokeAsync("programs", "report", "J-1", "--address", host.GrpcAddress.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--from", result.Error, StringComparison.Ordinal);
        Assert.Contains("--summary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestDirective_CompletesCommandsAndOptions_ForShellCompletion()
    {
        var commands = await CliRun.InvokeAsync("[suggest:15]", "collab partners");
        var options = await CliRun.InvokeAsync("[suggest:26]", "collab programs report --f");

        Assert.Equal(["partnerships"], commands.Output.TrimEnd('\n').Split('\n'));
        Assert.Equal(["--from"], options.Output.TrimEnd('\n').Split('\n'));
    }
}
