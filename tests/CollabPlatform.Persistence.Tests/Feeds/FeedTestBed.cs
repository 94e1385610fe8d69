using System.Globalization;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Feeds;

/// <summary>
/// One replica's feed machinery (ledger, hub, tailer) on a database of the test's own; further
/// replicas can be started on the same database.
/// </summary>
public sealed class FeedTestBed : IAsyncDisposable
{
    private FeedTestBed(string connectionString, NpgsqlDataSource dataSource, FeedHub hub, LedgerTailer tailer, OutputLogger<LedgerTailer> tailerLog, ITestOutputHelper output, FeedOptions options)
    {
        TailerLog = tailerLog.Entries;
        ConnectionString = connectionString;
        DataSource = dataSource;
        Ledger = new EventLedger(dataSource);
        Hub = hub;
        Tailer = tailer;
        Output = output;
        Options = options;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public EventLedger Ledger { get; }

    public FeedHub Hub { get; }

    public LedgerTailer Tailer { get; }

    public ITestOutputHelper Output { get; }

    /// <summary>What the tailer logged, oldest first.</summary>
    public IReadOnlyCollection<(EventId EventId, string Message)> TailerLog { get; }

    public FeedOptions Options { get; }

    public static async Task<FeedTestBed> StartAsync(PostgresFixture fixture, string purpose, ITestOutputHelper output, FeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var connectionString = await fixture.CreateMigratedDatabaseAsync(purpose);
        return await StartReplicaAsync(connectionString, output, options ?? new FeedOptions());
    }

    /// <summary>Feeds on a database the test prepared.</summary>
    public static Task<FeedTestBed> StartOnAsync(string connectionString, ITestOutputHelper output, FeedOptions? options = null) =>
        StartReplicaAsync(connectionString, output, options ?? new FeedOptions());

    /// <summary>Another process's feeds on the same database, as another Host replica would run them.</summary>
    public Task<FeedTestBed> StartReplicaAsync(FeedOptions? options = null) =>
        StartReplicaAsync(ConnectionString, Output, options ?? Options);

    public FeedReader Watch(string? scope, LedgerCursor after) => new(Hub, scope, after);

    public Task<LedgerCursor> AppendAsync(string streamId, long version, IReadOnlyList<string> jurisdictions) =>
        Ledger.AppendAsync(LedgerChanges.Event(streamId, version, jurisdictions), CancellationToken.None);

    /// <summary>Every committed event of the scope, in ledger order, as a watcher must see them.</summary>
    public Task<IReadOnlyList<StoredLedgerEvent>> ReadBackAsync(string? scope) =>
        Ledger.ReadAllAsync(LedgerCursor.Start, scope, 100_000, CancellationToken.None);

    /// <summary>
    /// Moves the cluster's transaction ids to a few below the next power of ten, which it returns,
    /// so that the next commits' ids gain a digit: the case where text and numeric order differ.
    /// </summary>
    public async Task<ulong> BurnTransactionIdsToJustBelowAPowerOfTenAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var current = new NpgsqlCommand("SELECT pg_current_xact_id()::text", connection);
        var now = ulong.Parse((string)(await current.ExecuteScalarAsync())!, CultureInfo.InvariantCulture);
        var boundary = (ulong)Math.Pow(10, Math.Floor(Math.Log10(now + 10)) + 1);
        Assert.True(boundary - now < 2_000_000, $"transaction id {now} is too far below {boundary} to burn the difference in a test");

        // Each loop turn is a transaction of its own; not waiting for WAL flushes makes it ~50k per second.
        await using var burn = new NpgsqlCommand(
            string.Create(CultureInfo.InvariantCulture, $"SET synchronous_commit = off; DO $$ BEGIN WHILE pg_current_xact_id()::text::bigint < {boundary - 4} LOOP COMMIT; END LOOP; END $$; RESET synchronous_commit"),
            connection)
        { CommandTimeout = 120 };
        await burn.ExecuteNonQueryAsync();
        return boundary;
    }

    /// <summary>Stops the tailer as a shutting-down Host would.</summary>
    public Task StopAsync() => Tailer.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Tailer.StopAsync(CancellationToken.None);
        Tailer.Dispose();
        await DataSource.DisposeAsync();
    }

    private static async Task<FeedTestBed> StartReplicaAsync(string connectionString, ITestOutputHelper output, FeedOptions options)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var ledger = new EventLedger(dataSource);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var hub = new FeedHub(ledger, wrapped, TimeProvider.System, new OutputLogger<FeedHub>(output));
        var tailerLog = new OutputLogger<LedgerTailer>(output);
        var tailer = new LedgerTailer(dataSource, ledger, hub, wrapped, TimeProvider.System, tailerLog);
        await tailer.StartAsync(CancellationToken.None);
        return new FeedTestBed(connectionString, dataSource, hub, tailer, tailerLog, output, options);
    }
}
