using System.Globalization;
using System.Text.Json;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// The README's first steps on a developer's machine: the Host with no connection string and no
/// signing key starts its embedded PostgreSQL and creates its development key in its data folder;
/// the collab command mints tokens with that key, loads the four stories and reads them back.
/// </summary>
public sealed class DevelopmentDefaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EmbeddedDefault_CreatesItsDevelopmentKey_WithWhichTheCliSeedsTokensAndReads()
    {
        // Not CreateTempSubdirectory: its folder is private to this user, and when the tests run as
        // root the embedded server runs as the postgres user, which must reach the data folder.
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "collab-dev-default-" + Guid.NewGuid().ToString("N")[..10]));
        var data = Path.Combine(root.FullName, ".pgdata");
        var grpcPort = HostProcess.FreePort();
        var address = $"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            await using var host = await HostProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["Collab:Database:DataDirectory"] = data,
                    ["Collab:Orleans:ClusterId"] = "dev-default-" + Guid.NewGuid().ToString("N")[..8],
                    ["Collab:Api:ListenAddress"] = "127.0.0.1",
                    ["Collab:Api:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
                    ["Collab:Api:HttpPort"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                },
                readyWithin: TimeSpan.FromMinutes(3),
                trustRunKey: false);

            var keyFile = Path.Combine(data, "dev-signing-key.json");
            Assert.True(File.Exists(keyFile), $"no development key in {data}:\n{host.Output}");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            // The server refuses a token its key did not sign.
            var forged = await CliRun.InvokeAsync("regions", "search", "Nanjing", "--address", address, "--token", TestSigningKey.Token(TestIdentity.Official("ID-33.10")));
            output.WriteLine($"token of another key: exit {forged.ExitCode}: {forged.Error}");
            Assert.Equal(1, forged.ExitCode);
            Assert.Contains("Unauthenticated", forged.Error, StringComparison.OrdinalIgnoreCase);

            var seed = await CliRun.InvokeAsync("seed", "--address", address, "--key-file", keyFile, "--output", "json");
            output.WriteLine(seed.Output + seed.Error);
            Assert.Equal(0, seed.ExitCode);
            var seeded = JsonDocument.Parse(seed.Output).RootElement.EnumerateArray()
                .ToDictionary(e => e.GetProperty("story").GetString()!, e => e.GetProperty("partnershipId").GetString()!);
            Assert.Equal(5, seeded.Count);

            // A facilitator of Jawa Tengah, minted by `collab token` with the same key, lists exactly its three ties.
            var token = await CliRun.InvokeAsync("token", "--key-file", keyFile, "--region", "ID-33", "--role", "facilitator");
            Assert.True(token.ExitCode == 0, token.Error);
            var list = await CliRun.InvokeAsync("partnerships", "list", "--facilitator", "ID-33", "--address", address, "--token", token.Output.Trim(), "--output", "json");
            output.WriteLine(list.Output + list.Error);
            Assert.Equal(0, list.ExitCode);
            var listed = JsonDocument.Parse(list.Output).RootElement.GetProperty("partnerships").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order();
            Assert.Equal(new[] { "Klaten – Nanjing County", "Surakarta – Xi'an", "Surakarta – Zhuhai" }.Select(story => seeded[story]).Order(), listed);

            Assert.Equal(0, await host.StopAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            try
            {
                root.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The embedded server's files may still be closing; the temporary folder is left behind.
            }
        }
    }
}
