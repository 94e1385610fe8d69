using System.Text.Json;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Streams;

/// <summary>
/// <c>collab watch</c> outlives the server's maximum stream lifetime: it reconnects with its last
/// cursor and a fresh token, and prints every event exactly once.
/// </summary>
[Collection(StreamHostCollection.Name)]
public sealed class CollabWatchReconnectTests(StreamHostFixture host)
{
    // Nusa Tenggara Barat: only this test writes there.
    private const string Scope = "ID-52";
    private const int Events = 6;
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Watch_PastTheMaximumStreamLifetime_ReconnectsAndPrintsEveryEventOnce()
    {
        var watching = CollabProcess.RunAsync(
            TimeSpan.FromSeconds(120),
            "watch", "--scope", Scope, "--count", Events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", "json",
            "--address", host.GrpcAddress.ToString(), "--key-file", TestSigningKey.KeyFile);

        // Spread over more than two maximum lifetimes; the watch process may start late on a loaded
        // machine, so at least one reconnect is required, and every event must still arrive once.
        var written = new List<string>();
        for (var i = 1; i <= Events; i++)
        {
            written.Add(await ProposeAsync(i));
            await Task.Delay(Spacing);
        }

        var (exitCode, output, error) = await watching;
        var printed = output.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.True(exitCode == 0, $"collab watch exited with {exitCode}:\n{error}");
        Assert.True(error.Split('\n').Any(l => l.Contains("STREAM_LIFETIME", StringComparison.Ordinal) || l.Contains("reconnecting", StringComparison.Ordinal)), $"expected a reconnect after the maximum lifetime:\n{error}");
        Assert.Equal(written, printed.Select(e => e.GetProperty("partnershipId").GetString()));
        Assert.Equal(Events, printed.Select(e => e.GetProperty("cursor").GetString()).Distinct().Count());
    }

    private async Task<string> ProposeAsync(int index)
    {
        var local = $"ID-52.0{index}";
        var token = TestSigningKey.Token(new Principal($"official:{local}", Role.RegionOfficial, local));
        var response = await host.Partnerships.ProposePartnershipAsync(
            new ProposePartnershipRequest
            {
                RequestId = $"watch-reconnect-{index}",
                Kind = PartnershipKind.FriendshipExchange,
                Title = $"Lombok exchange {index}",
                LocalRegionId = local,
                Counterpart = new Counterpart { ForeignRegionId = "CN-350627" },
                InitialStage = PartnershipStage.Exploration,
            },
            Tokens.CraftedTokens.Bearer(token),
            DateTime.UtcNow.AddSeconds(30));
        return response.Partnership.Id;
    }
}
