using CollabPlatform.Cli.Client;
using CollabPlatform.Cli.Seed;
using CollabPlatform.Contracts.V1;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.EndToEnd.Tests.Feeds;

/// <summary>
/// A Host of its own with the four stories loaded through the API and nothing else, so that what a
/// scope sees can be stated exactly. Jakarta (<see cref="ExplicitFacilitator"/>) facilitates
/// Muara Enim – Japan explicitly, without being above either party.
/// </summary>
public sealed class SeededHostFixture : IAsyncLifetime
{
    public const string ExplicitFacilitator = "ID-31";

    /// <summary>Idle feeds send a heartbeat this often, so a quiet scope's catch-up ends quickly.</summary>
    public static readonly IReadOnlyDictionary<string, string> FeedSettings = new Dictionary<string, string>
    {
        ["Collab:Feeds:HeartbeatInterval"] = "00:00:00.300",
    };

    private PrivateDatabase? _database;
    private HostProcess? _host;
    private CollabClient? _client;

    /// <summary>The partnership id of each story, by the seed's name for it.</summary>
    public IReadOnlyDictionary<string, string> Stories { get; private set; } = new Dictionary<string, string>();

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("not started");

    internal CollabClient Client => _client ?? throw new InvalidOperationException("not started");

    public HostProcess Host => _host ?? throw new InvalidOperationException("not started");

    /// <summary>The ledger's last event once the seed finished.</summary>
    public LedgerCursor SeededThrough { get; private set; }

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.StartAsync("scopes");
        (_host, var grpc, _) = await ApiHostFixture.StartHostAsync(_database.ConnectionString, "e2e-scopes", FeedSettings);
        _client = CollabClient.Connect(grpc, TestIdentity.Credentials, TimeSpan.FromSeconds(30));
        var seeded = await StorySeeder.SeedAsync(_client, RequestIds.Unique("scopes"), CancellationToken.None);
        Stories = seeded.ToDictionary(s => s.Story, s => s.PartnershipId);
        await _client.As(MuaraEnimJapanStory.Official).Partnerships.AddFacilitatorAsync(new AddFacilitatorRequest
        {
            RequestId = "scopes/jakarta-facilitator",
            PartnershipId = Stories["Muara Enim – Japan"],
            JurisdictionId = ExplicitFacilitator,
            Role = "liaison office in Jakarta for the Japanese side",
        });
        SeededThrough = await LedgerScan.HeadAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
