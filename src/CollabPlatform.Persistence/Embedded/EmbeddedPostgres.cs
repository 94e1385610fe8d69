using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, with its data in a project-local
/// folder and listening on loopback only. Used when no connection string is configured.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string ListenAddress = "127.0.0.1";
    private const long LogRotationBytes = 10 * 1024 * 1024;

    private readonly DataDirectoryLayout _layout;
    private readonly PostgresBinaries _binaries;
    private readonly ServerAccount _account;
    private readonly ILogger _logger;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    private EmbeddedPostgres(
        DataDirectoryLayout layout,
        PostgresBinaries binaries,
        ServerAccount account,
        ILogger logger,
        int port,
        string connectionString,
        EmbeddedPostgresStartKind startKind)
    {
        _layout = layout;
        _binaries = binaries;
        _account = account;
        _logger = logger;
        Port = port;
        ConnectionString = connectionString;
        StartKind = startKind;
    }

    /// <summary>Npgsql connection string to the application database (contains the password: never log it).</summary>
    public string ConnectionString { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The absolute data folder (see <see cref="EmbeddedPostgresOptions.DataDirectory"/>).</summary>
    public string DataDirectory => _layout.Root;

    /// <summary>Whether this start initialised a new cluster, started an existing one or took over a running server.</summary>
    public EmbeddedPostgresStartKind StartKind { get; }

    /// <summary>
    /// Starts the server, initialising the data folder on first use, or takes over a server that a previous
    /// host left running on the same folder; then creates the application database if it is missing.
    /// </summary>
    /// <exception cref="PostgresUnavailableException">The server cannot be run here; the message says what to do.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var validation = new EmbeddedPostgresOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EmbeddedPostgresOptions), validation.Failures);
        }

        var stopwatch = Stopwatch.StartNew();
        var layout = new DataDirectoryLayout(Path.GetFullPath(options.DataDirectory));
        var binaries = await PostgresBinaries.LocateAsync(options.BinDirectory, cancellationToken);
        var account = await ServerAccount.ResolveAsync(cancellationToken);
        logger.UsingBinaries(binaries.InitDb, binaries.PgCtl, binaries.FoundVia, account.UserName);
        Directory.CreateDirectory(layout.Root);
        await using var startLock = await LockForStartAsync(layout, cancellationToken);

        EmbeddedPostgresStartKind startKind;
        int port;
        if (await FindRunningServerAsync(layout, binaries, account, cancellationToken) is { } running)
        {
            (startKind, port) = (EmbeddedPostgresStartKind.Adopted, running.Port);
            logger.Adopted(running.Port, running.ProcessId, layout.Root);
            if (options.Port != 0 && options.Port != running.Port)
            {
                logger.AdoptedOnOtherPort(running.Port, options.Port);
            }
        }
        else
        {
            startKind = EmbeddedPostgresStartKind.Started;
            await PrepareLogFileAsync(layout, account, cancellationToken);
            if (!layout.IsInitialised)
            {
                await InitialiseAsync(layout, binaries, account, options.UserName, logger, cancellationToken);
                startKind = EmbeddedPostgresStartKind.Initialised;
            }

            (port, var adopted) = await StartServerAsync(layout, binaries, account, options.Port, logger, cancellationToken);
            if (adopted)
            {
                startKind = EmbeddedPostgresStartKind.Adopted;
            }
        }

        var password = ReadPassword(layout);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = ListenAddress,
            Port = port,
            Database = options.Database,
            Username = options.UserName,
            Password = password,
        }.ConnectionString;
        var server = new EmbeddedPostgres(layout, binaries, account, logger, port, connectionString, startKind);
        try
        {
            if (await EnsureDatabaseAsync(port, options.Database, options.UserName, password, cancellationToken))
            {
                logger.CreatedDatabase(options.Database);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await server.DisposeAsync();
            throw PostgresUnavailableException.CommandFailed("accept connections", exception.Message, layout.LogFile, exception);
        }

        if (startKind != EmbeddedPostgresStartKind.Adopted)
        {
            var version = File.ReadAllText(layout.VersionFile).Trim();
            logger.Started(version, port, stopwatch.ElapsedMilliseconds, layout.Root);
        }

        return server;
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended, committed data is safe). Safe to call more than once.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            if (_stopping is null || _stopping.IsFaulted || _stopping.IsCanceled)
            {
                _stopping = StopCoreAsync(cancellationToken);
            }

            return _stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Disposal runs during shutdown, where a second exception would hide the first.
            _logger.StopFailed(exception, Port);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();

        // Idle pooled connections would otherwise fail on first use against a later server on this port.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        // A server on another port was started on this folder after us (e.g. by a new host): not ours to stop.
        var running = await FindRunningServerAsync(_layout, _binaries, _account, cancellationToken);
        if (running is null || running.Port != Port)
        {
            _logger.AlreadyStopped(Port);
            return;
        }

        var result = await _account.RunAsync(_binaries.PgCtl, ["stop", "-D", _layout.Cluster, "-m", "fast", "-w", "-t", "60"], _layout.Root, cancellationToken);
        if (!result.Succeeded && File.Exists(_layout.PidFile))
        {
            throw PostgresUnavailableException.CommandFailed("stop", result.FirstErrorLine(), _layout.LogFile);
        }

        _logger.Stopped(Port, stopwatch.ElapsedMilliseconds);
    }

    private static async Task<PostmasterPidFile?> FindRunningServerAsync(
        DataDirectoryLayout layout, PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.PidFile))
        {
            return null;
        }

        // The pid file outlives a killed server; pg_ctl checks whether its process is still there.
        var status = await account.RunAsync(binaries.PgCtl, ["status", "-D", layout.Cluster], layout.Root, cancellationToken);
        return status.Succeeded ? PostmasterPidFile.TryRead(layout.PidFile) : null;
    }

    private static async Task<FileStream> LockForStartAsync(DataDirectoryLayout layout, CancellationToken cancellationToken)
    {
        // FileShare.None is an exclusive advisory lock on Unix; a start takes seconds, so waiting this long means something is stuck.
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(layout.StartLockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waiting.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException exception)
            {
                throw PostgresUnavailableException.CommandFailed("start because another process kept it locked", exception.Message, layout.StartLockFile, exception);
            }
        }
    }

    private static async Task InitialiseAsync(
        DataDirectoryLayout layout, PostgresBinaries binaries, ServerAccount account, string userName, ILogger logger, CancellationToken cancellationToken)
    {
        logger.Initialising(layout.Cluster);
        var stopwatch = Stopwatch.StartNew();

        // initdb writes into a staging folder that is renamed when it succeeds, so a cluster folder
        // always holds a complete cluster even if the host is killed half-way through.
        var staging = layout.Cluster + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        if (Directory.Exists(layout.Cluster))
        {
            if (Directory.EnumerateFileSystemEntries(layout.Cluster).Any())
            {
                throw PostgresUnavailableException.NotACluster(layout.Cluster);
            }

            Directory.Delete(layout.Cluster);
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WritePrivateFile(layout.PasswordFile, password);
        WritePrivateFile(layout.InitDbPasswordFile, password);
        Directory.CreateDirectory(staging);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            await account.GiveAsync(staging, layout.LogFile, cancellationToken);
            await account.GiveAsync(layout.InitDbPasswordFile, layout.LogFile, cancellationToken);
            if (!await account.CanWriteAsync(staging, cancellationToken))
            {
                throw PostgresUnavailableException.DataDirectoryUnreachable(layout.Root, account.UserName);
            }

            var result = await RunInitDbAsync("C.UTF-8");
            if (!result.Succeeded && result.StandardError.Contains("locale", StringComparison.OrdinalIgnoreCase))
            {
                logger.FallingBackToLocaleC();
                result = await RunInitDbAsync("C");
            }

            if (!result.Succeeded)
            {
                throw PostgresUnavailableException.CommandFailed("initialise its data folder", result.FirstErrorLine(), layout.LogFile);
            }
        }
        finally
        {
            File.Delete(layout.InitDbPasswordFile);
        }

        Directory.Move(staging, layout.Cluster);
        logger.Initialised(stopwatch.ElapsedMilliseconds);

        async Task<ProcessResult> RunInitDbAsync(string locale)
        {
            var result = await account.RunAsync(
                binaries.InitDb,
                ["-D", staging, "-U", userName, "--auth=scram-sha-256", $"--pwfile={layout.InitDbPasswordFile}", "-E", "UTF8", $"--locale={locale}"],
                layout.Root,
                cancellationToken);
            await File.AppendAllTextAsync(layout.LogFile, result.StandardOutput + result.StandardError, cancellationToken);
            return result;
        }
    }

    private static async Task<(int Port, bool Adopted)> StartServerAsync(
        DataDirectoryLayout layout, PostgresBinaries binaries, ServerAccount account, int configuredPort, ILogger logger, CancellationToken cancellationToken)
    {
        var port = configuredPort != 0 ? configuredPort : PickFreePort();
        for (var attempt = 1; ; attempt++)
        {
            var logOffset = new FileInfo(layout.LogFile).Length;

            // Durability settings are spelt out so that no local configuration can switch them off:
            // an acknowledged change must survive a crash of the host or the machine.
            var serverOptions = string.Create(
                CultureInfo.InvariantCulture,
                $"-c listen_addresses={ListenAddress} -p {port} -c unix_socket_directories='' -c fsync=on -c synchronous_commit=on -c full_page_writes=on");
            var result = await account.RunAsync(
                binaries.PgCtl,
                ["start", "-w", "-t", "60", "-D", layout.Cluster, "-l", layout.LogFile, "-o", serverOptions],
                layout.Root,
                cancellationToken);
            if (result.Succeeded)
            {
                return (port, false);
            }

            // Another host may have started the same cluster a moment before us.
            if (await FindRunningServerAsync(layout, binaries, account, cancellationToken) is { } running)
            {
                logger.Adopted(running.Port, running.ProcessId, layout.Root);
                return (running.Port, true);
            }

            var serverLog = ReadFrom(layout.LogFile, logOffset);
            if (configuredPort == 0 && attempt == 1 && serverLog.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                var nextPort = PickFreePort();
                logger.PortTaken(port, nextPort);
                port = nextPort;
                continue;
            }

            var detail = serverLog.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Contains("FATAL:", StringComparison.Ordinal))
                ?? result.FirstErrorLine();
            throw PostgresUnavailableException.CommandFailed("start", detail, layout.LogFile);
        }
    }

    private static async Task<bool> EnsureDatabaseAsync(int port, string database, string userName, string password, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder
        {
            Host = ListenAddress,
            Port = port,
            Database = "postgres",
            Username = userName,
            Password = password,
            Pooling = false,
            Timeout = 10,
        };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is true)
        {
            return false;
        }

        // The name is a validated plain identifier (EmbeddedPostgresOptionsValidator); CREATE DATABASE takes no parameters.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false;
        }
    }

    private static async Task PrepareLogFileAsync(DataDirectoryLayout layout, ServerAccount account, CancellationToken cancellationToken)
    {
        var log = new FileInfo(layout.LogFile);
        if (log.Exists && log.Length > LogRotationBytes)
        {
            File.Move(layout.LogFile, layout.LogFile + ".1", overwrite: true);
            log.Refresh();
        }

        if (!log.Exists)
        {
            WritePrivateFile(layout.LogFile, string.Empty);
            await account.GiveAsync(layout.LogFile, layout.LogFile, cancellationToken);
        }
    }

    private static string ReadPassword(DataDirectoryLayout layout)
    {
        try
        {
            return File.ReadAllText(layout.PasswordFile).Trim();
        }
        catch (FileNotFoundException exception)
        {
            throw new PostgresUnavailableException(PostgresUnavailableException.PasswordFileMissing(layout.PasswordFile).Message, exception);
        }
    }

    private static void WritePrivateFile(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }

        // Created afresh so that the owner-only mode applies from the first byte.
        File.Delete(path);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    private static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
