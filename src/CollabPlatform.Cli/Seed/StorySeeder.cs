using CollabPlatform.Cli.Client;

namespace CollabPlatform.Cli.Seed;

/// <summary>Loads the four stories of docs/walkthrough.md through the public API, idempotently.</summary>
internal static class StorySeeder
{
    /// <summary>
    /// Runs every story with the given request ids. With the same ids a second run replays each
    /// request: the server returns the first results and changes nothing.
    /// </summary>
    public static async Task<IReadOnlyList<SeededPartnership>> SeedAsync(CollabClient client, RequestIds ids, CancellationToken cancellationToken, IProgress<string>? progress = null)
    {
        progress?.Report("Klaten – Nanjing County");
        var klaten = await KlatenNanjingCountyStory.SeedAsync(client, ids, cancellationToken);
        progress?.Report("Surakarta – Xi'an and Zhuhai");
        var (xian, zhuhai) = await SurakartaStory.SeedAsync(client, ids, cancellationToken);
        progress?.Report("Purwakarta – Gurye-gun");
        var purwakarta = await PurwakartaGuryeStory.SeedAsync(client, ids, cancellationToken);
        progress?.Report("Muara Enim – Japan");
        var muaraEnim = await MuaraEnimJapanStory.SeedAsync(client, ids, cancellationToken);
        return
        [
            new("Klaten – Nanjing County", klaten),
            new("Surakarta – Xi'an", xian),
            new("Surakarta – Zhuhai", zhuhai),
            new("Purwakarta – Gurye-gun", purwakarta),
            new("Muara Enim – Japan", muaraEnim),
        ];
    }
}
