using System.CommandLine;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Cli.Commands;

/// <summary><c>collab regions search|show</c>: look regions up in the catalogue.</summary>
internal static class RegionsCommand
{
    public static Command Create()
    {
        var command = new Command("regions", "Look up regions in the catalogue");
        command.Add(Search());
        command.Add(Show());
        return command;
    }

    private static Command Search()
    {
        var options = new ClientOptions();
        var query = new Argument<string>("query") { Description = "a region id (CN-350627), an official code (350627) or a name (Nanjing, Solo)" };
        var country = new Option<string?>("--country") { Description = "only this country (ISO alpha-2, e.g. CN)" };
        var command = new Command("search", "Find regions by id, code or name; namesakes are all listed") { query, country };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var response = await call.Client.Regions.SearchRegionsAsync(
                new SearchRegionsRequest { Query = call.ParseResult.GetValue(query) ?? string.Empty, Country = call.ParseResult.GetValue(country) ?? string.Empty },
                cancellationToken: cancellationToken);
            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(response));
                return;
            }

            if (response.Matches.Count == 0)
            {
                await call.Output.WriteLineAsync("no region matches");
                return;
            }

            foreach (var match in response.Matches)
            {
                await call.Output.WriteLineAsync($"{match.Region.Id,-14} {match.DisplayName}  ({match.Region.Kind}, {match.Region.Name})");
            }

            if (response.Ambiguous)
            {
                await call.Output.WriteLineAsync($"ambiguous: {response.Matches.Count} regions match; choose one by its id");
            }

            if (response.Truncated)
            {
                await call.Output.WriteLineAsync("more regions match than shown; narrow the query or add --country");
            }
        });
        return command;
    }

    private static Command Show()
    {
        var options = new ClientOptions();
        var id = new Argument<string>("region-id") { Description = "e.g. ID-33.72" };
        var command = new Command("show", "Show one region with its ancestors and profile") { id };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var region = (await call.Client.Regions.GetRegionAsync(new GetRegionRequest { RegionId = call.ParseResult.GetValue(id) ?? string.Empty }, cancellationToken: cancellationToken)).Region;
            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(region));
                return;
            }

            await call.Output.WriteLineAsync($"{region.Id}  {region.NameEn} ({region.Name}), {region.Kind}, level {region.Level}");
            if (region.Ancestors.Count > 0)
            {
                await call.Output.WriteLineAsync($"in: {string.Join(" > ", region.Ancestors.Select(a => $"{a.NameEn} ({a.Id})"))}");
            }

            var profile = region.Profile;
            if (profile is null)
            {
                return;
            }

            if (profile.PrioritySectors.Count > 0)
            {
                await call.Output.WriteLineAsync($"priority sectors: {string.Join(", ", profile.PrioritySectors)}");
            }

            if (profile.Strengths.Count > 0)
            {
                await call.Output.WriteLineAsync($"strengths: {string.Join("; ", profile.Strengths)}");
            }

            if (profile.CurrentHead is { } head)
            {
                await call.Output.WriteLineAsync($"head: {head.Name}, {head.Title}, since {Text.Date(head.TermStart)}");
            }

            foreach (var previous in profile.HeadHistory)
            {
                await call.Output.WriteLineAsync($"  before: {previous.Name}, {Text.Date(previous.TermStart)} to {Text.Date(previous.TermEnd)}");
            }
        });
        return command;
    }
}
