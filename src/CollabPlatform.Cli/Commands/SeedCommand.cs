using System.CommandLine;
using System.Text.Json;
using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab seed</c>: loads the four stories of DESIGN.md §2 as demo data through the gRPC API. Every
/// request has a fixed request id, so a second run changes nothing.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var options = new ClientOptions();
        var command = new Command("seed", "Load the four stories (Klaten, Surakarta, Purwakarta, Muara Enim) as demo data; running it again changes nothing");
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var seeded = await StorySeeder.SeedAsync(call.Client, RequestIds.Seed, cancellationToken);
            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(JsonSerializer.Serialize(seeded.Select(s => new { story = s.Story, partnershipId = s.PartnershipId })));
                return;
            }

            foreach (var s in seeded)
            {
                await call.Output.WriteLineAsync($"{s.PartnershipId,-20} {s.Story}");
            }
        });
        return command;
    }
}
