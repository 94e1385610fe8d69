using System.CommandLine;
using System.Text.Json;
using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using Spectre.Console;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab seed</c>: loads the four stories of docs/walkthrough.md as demo data through the gRPC API. Every
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
            var seeded = await SeedWithProgressAsync(call, cancellationToken);
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

    /// <summary>A spinner naming the story being loaded, when a person watches a terminal; plain otherwise.</summary>
    private static async Task<IReadOnlyList<SeededPartnership>> SeedWithProgressAsync(ClientCall call, CancellationToken cancellationToken)
    {
        var interactive = call.Format == OutputFormat.Text && ReferenceEquals(call.Output, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive)
        {
            return await StorySeeder.SeedAsync(call.Client, RequestIds.Seed, cancellationToken);
        }

        return await AnsiConsole.Status().StartAsync("loading the stories", async context =>
        {
            var progress = new Progress<string>(story => context.Status($"loading {Markup.Escape(story)}"));
            return await StorySeeder.SeedAsync(call.Client, RequestIds.Seed, cancellationToken, progress);
        });
    }
}
