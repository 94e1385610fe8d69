using System.Text.Json;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// The <c>collab</c> client commands against a real Host: <c>seed</c> loads the four stories once
/// (a second run changes nothing), and the read commands print them; failures print the status.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class CollabCommandLineTests(ApiHostFixture host)
{
    [Fact]
    public async Task Seed_RunTwiceOnAnEmptyHost_LoadsTheFourStoriesOnceAndTheSecondRunChangesNothing()
    {
        var connectionString = await host.CreateDatabaseAsync("collab_seed_" + Guid.NewGuid().ToString("N")[..8]);
        var (seedHost, grpc, _) = await ApiHostFixture.StartHostAsync(connectionString, "e2e-seed");
        await using var _ = seedHost;
        var address = grpc.ToString();

        var first = await CliRun.InvokeAsync("seed", "--address", address, "--key-file", TestIdentity.KeyFile, "--output", "json");
        var afterFirst = await SnapshotAsync(grpc);
        var second = await CliRun.InvokeAsync("seed", "--address", address, "--key-file", TestIdentity.KeyFile, "--output", "json");
        var afterSecond = await SnapshotAsync(grpc);

        Assert.True(first.ExitCode == 0, $"first seed failed: {first.Error}\n{ApiHostFixture.Tail(seedHost.Output)}");
        Assert.True(second.ExitCode == 0, $"second seed failed: {second.Error}\n{ApiHostFixture.Tail(seedHost.Output)}");
        Assert.Equal(first.Output, second.Output);
        var seeded = JsonSerializer.Deserialize<JsonElement[]>(first.Output)!;
        Assert.Equal(["Klaten – Nanjing County", "Surakarta – Xi'an", "Surakarta – Zhuhai", "Purwakarta – Gurye-gun", "Muara Enim – Japan"], seeded.Select(s => s.GetProperty("story").GetString()));
        Assert.Equal(5, afterFirst.Partnerships.Count);
        Assert.Equal(afterFirst.Partnerships, afterSecond.Partnerships);
        Assert.Equal(afterFirst.Regions, afterSecond.Regions);
        Assert.Equal(4, afterFirst.Programmes);
        Assert.Equal(afterFirst.Programmes, afterSecond.Programmes);

        var list = await CliRun.InvokeAsync("partnerships", "list", "--region", "ID-33", "--address", address, "--key-file", TestIdentity.KeyFile);
        var json = await CliRun.InvokeAsync("partnerships", "list", "--region", "ID-33", "--address", address, "--key-file", TestIdentity.KeyFile, "--output", "json");
        var klaten = seeded[0].GetProperty("partnershipId").GetString()!;
        var show = await CliRun.InvokeAsync("partnerships", "show", klaten, "--address", address, "--key-file", TestIdentity.KeyFile);
        var search = await CliRun.InvokeAsync("regions", "search", "Nanjing", "--address", address, "--key-file", TestIdentity.KeyFile);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(3, list.Output.Trim().Split('\n').Length);
        Assert.Contains("Klaten – Nanjing County", list.Output, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(json.Output).RootElement.GetProperty("partnerships");
        Assert.Equal(3, listed.GetArrayLength());
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("stage").GetString() == "PARTNERSHIP_STAGE_LETTER_OF_INTENT");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Semarang", show.Output, StringComparison.Ordinal);
        Assert.Contains("formal inauguration", show.Output, StringComparison.Ordinal);
        Assert.Contains("CN-350627", search.Output, StringComparison.Ordinal);
        Assert.Contains("CN-320100", search.Output, StringComparison.Ordinal);
        Assert.Contains("ambiguous", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnershipsShow_UnknownId_PrintsNotFoundAndExitsWithOne()
    {
        var result = await CliRun.InvokeAsync("partnerships", "show", "P-999999999", "--address", host.GrpcAddress.ToString(), "--key-file", TestIdentity.KeyFile);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: NOT_FOUND: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("PARTNERSHIP_NOT_FOUND", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task RegionsSearch_EmptyQuery_PrintsTheFieldViolation()
    {
        var result = await CliRun.InvokeAsync("regions", "search", " ", "--address", host.GrpcAddress.ToString(), "--key-file", TestIdentity.KeyFile);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: INVALID_ARGUMENT: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("  query: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsSearch_NoServer_SaysWhereItLookedAndExitsWithOne()
    {
        var address = $"http://127.0.0.1:{HostProcess.FreePort()}";

        var result = await CliRun.InvokeAsync("regions", "search", "Nanjing", "--address", address, "--key-file", TestIdentity.KeyFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNAVAILABLE", result.Error, StringComparison.Ordinal);
        Assert.Contains(address, result.Error, StringComparison.Ordinal);
    }

    private static async Task<Snapshot> SnapshotAsync(Uri address)
    {
        using var client = CollabPlatform.Cli.Client.CollabClient.Connect(address, TestIdentity.Credentials);
        var partnerships = (await client.Partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { PageSize = 200, View = PartnershipView.Full })).Partnerships
            .Select(p => $"{p.Id} v{p.Version} {p.Stage} docs={p.Documents.Count} meetings={p.Meetings.Count}")
            .ToList();
        var regions = new List<string>();
        foreach (var id in new[] { SurakartaStory.Surakarta, PurwakartaGuryeStory.Purwakarta })
        {
            var region = (await client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = id })).Region;
            regions.Add($"{id} v{region.Version} head={region.Profile?.CurrentHead?.Name}");
        }

        var programmes = (await client.JointPrograms.ListJointProgramsAsync(new ListJointProgramsRequest { PageSize = 200 })).JointPrograms.Count;
        return new Snapshot(partnerships, regions, programmes);
    }

    private sealed record Snapshot(List<string> Partnerships, List<string> Regions, int Programmes);
}
