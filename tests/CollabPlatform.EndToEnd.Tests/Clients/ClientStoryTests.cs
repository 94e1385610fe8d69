using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.Clients;

/// <summary>
/// The Node.js and Python clients in <c>clients/</c>, run as child processes against a real Host:
/// each proposes a partnership, attaches a document, advances it and reads the feed over two
/// connections, and exits non-zero on any mismatch. The token comes from the run's key.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class ClientStoryTests(ApiHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task NodeClient_TellsTheStoryOverGrpc_AndTheResumedFeedMissesAndRepeatsNothing()
    {
        await ClientRuntimes.AssertNodeReadyAsync();
        const string Region = "ID-33.02";

        var result = await ChildProcess.RunAsync(
            "node",
            ["story.js", "--address", host.GrpcAddress.ToString(), "--local", Region, "--foreign", "JP-011002"],
            RunLimit,
            ClientRuntimes.NodeClient,
            new Dictionary<string, string> { ["COLLAB_TOKEN"] = TestIdentity.Token(TestIdentity.Official(Region)) });

        AssertPassed(result, "node story passed: P-");
    }

    [Fact]
    public async Task PythonClient_TellsTheStoryOverGrpcAndJson_AndTheResumedFeedMissesAndRepeatsNothing()
    {
        var python = await ClientRuntimes.PythonAsync();
        const string Region = "ID-33.06";

        var result = await ChildProcess.RunAsync(
            python,
            ["story.py", "--address", host.GrpcAddress.ToString(), "--http-address", host.HttpAddress.ToString(), "--local", Region, "--foreign", "JP-261009"],
            RunLimit,
            ClientRuntimes.PythonClient,
            new Dictionary<string, string> { ["COLLAB_TOKEN"] = TestIdentity.Token(TestIdentity.Official(Region)) });

        AssertPassed(result, "python story passed: P-");
    }

    private void AssertPassed(ChildResult result, string passedLine)
    {
        output.WriteLine(result.Describe());
        Assert.True(result.ExitCode == 0 && !result.TimedOut, $"{result.Describe()}\n--- Host\n{ApiHostFixture.Tail(host.Host.Output)}");
        Assert.Contains(passedLine, result.Output, StringComparison.Ordinal);
    }
}
