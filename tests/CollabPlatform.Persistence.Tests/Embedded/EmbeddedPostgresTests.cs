using System.Diagnostics;
using System.Globalization;
using CollabPlatform.Persistence.Embedded;
using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Persistence.Tests.Embedded;

/// <summary>Each test runs its own server in its own folder: these tests start, stop and abandon servers.</summary>
public sealed class EmbeddedPostgresTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("embedded");
    private readonly TestOutputLogger _logger = new(output);

    public void Dispose() => TestDirectories.Delete(_dataDirectory);

    [Fact]
    public async Task StartAsync_EmptyDataDirectory_InitialisesClusterAndAcceptsConnections()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };

        await using var server = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);

        Assert.Equal(EmbeddedPostgresStartKind.Initialised, server.StartKind);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "pgdata", "PG_VERSION")));
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "initdb.pwfile")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "password")));
        }

        Assert.InRange(server.Port, 1, 65535);
        Assert.Equal(_dataDirectory, server.DataDirectory);
        Assert.Equal("collab", await ScalarAsync<string>(server.ConnectionString, "SELECT current_database()"));
        Assert.Equal("on", await ScalarAsync<string>(server.ConnectionString, "SHOW fsync"));
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(server.ConnectionString, "SHOW listen_addresses"));
    }

    [Fact]
    public async Task StartAsync_AfterStop_ReusesTheData()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };
        var cold = Stopwatch.StartNew();
        await using (var first = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None))
        {
            output.WriteLine($"cold start: {cold.ElapsedMilliseconds} ms");
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Surakarta-Xi''an LoI 2015')");
            await first.StopAsync(CancellationToken.None);
        }

        var warm = Stopwatch.StartNew();
        await using var second = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);
        output.WriteLine($"warm start: {warm.ElapsedMilliseconds} ms");

        Assert.Equal(EmbeddedPostgresStartKind.Started, second.StartKind);
        Assert.Equal("Surakarta-Xi'an LoI 2015", await ScalarAsync<string>(second.ConnectionString, "SELECT note FROM kept"));
    }

    [Fact]
    public async Task StartAsync_ServerLeftRunningByAnAbandonedHandle_AdoptsIt()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };
        var abandoned = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);
        await ExecuteAsync(abandoned.ConnectionString, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)");

        var adopter = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);

        Assert.Equal(EmbeddedPostgresStartKind.Adopted, adopter.StartKind);
        Assert.Equal(abandoned.Port, adopter.Port);
        Assert.Equal(42, await ScalarAsync<int>(adopter.ConnectionString, "SELECT id FROM survivor"));

        await adopter.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "pgdata", "postmaster.pid")));
        await abandoned.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_TwoHostsAtOnceOnAFreshFolder_OneInitialisesAndTheOtherAdopts()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };

        var servers = await Task.WhenAll(
            Task.Run(() => EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None)),
            Task.Run(() => EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None)));

        Assert.Equal(
            [EmbeddedPostgresStartKind.Initialised, EmbeddedPostgresStartKind.Adopted],
            servers.Select(server => server.StartKind).Order());
        Assert.Equal(servers[0].Port, servers[1].Port);
        await servers[0].DisposeAsync();
        await servers[1].DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_ServerKilledLeavingStalePidFile_RecoversCommittedData()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory };
        var crashed = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);
        await ExecuteAsync(crashed.ConnectionString, "CREATE TABLE acknowledged (id int); INSERT INTO acknowledged VALUES (7)");
        var pidFile = Path.Combine(_dataDirectory, "pgdata", "postmaster.pid");
        using (var postmaster = Process.GetProcessById(int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture)))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        await using var restarted = await EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None);

        Assert.True(File.Exists(pidFile));
        Assert.Equal(EmbeddedPostgresStartKind.Started, restarted.StartKind);
        Assert.Equal(7, await ScalarAsync<int>(restarted.ConnectionString, "SELECT id FROM acknowledged"));
        await crashed.DisposeAsync();
    }

    [Fact]
    public async Task StopAsync_CalledTwice_StopsOnceAndDoesNotThrow()
    {
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _dataDirectory }, _logger, CancellationToken.None);

        await server.StopAsync(CancellationToken.None);
        await server.StopAsync(CancellationToken.None);
        await server.DisposeAsync();

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "pgdata", "postmaster.pid")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_BinDirectoryWithoutPostgres_ThrowsOneSentenceSayingWhatToDo()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _dataDirectory, BinDirectory = _dataDirectory };

        var exception = await Assert.ThrowsAsync<PostgresUnavailableException>(() => EmbeddedPostgres.StartAsync(options, _logger, CancellationToken.None));

        Assert.Contains("apt-get install -y postgresql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Collab", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", exception.Message.Replace("e.g. ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
