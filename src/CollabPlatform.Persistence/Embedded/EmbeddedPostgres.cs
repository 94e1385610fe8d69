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
/// folder and listening on loopback only. Used when no connection string is configured. Besides
/// initdb's superuser it has a migrator login (owner of the schema) and a runtime login for the Host.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The login that owns the database and its schema and runs the migrations.</summary>
    public const string MigratorUserName = "collab_migrator";

    /// <summary>The login the Host connects with: a member of <see cref="RuntimeGroupName"/>, nothing more.</summary>
    public const string RuntimeUserName = "collab_app";

    /// <summary>The group role that migration 0010 grants the Host's privileges to.</summary>
    public const string RuntimeGroupName = "collab_runtime";

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
        ConnectionStrings connectionStrings,
        EmbeddedPostgresStartKind startKind)
    {
        _layout = layout;
        _binaries = binaries;
        _account = account;
        _logger = logger;
        Port = port;
        ConnectionString = connectionStrings.Superuser;
        MigratorConnectionString = connectionStrings.Migrator;
        RuntimeConnectionString = connectionStrings.Runtime;
        StartKind = startKind;
    }

    /// <summary>
    /// Npgsql connection string of the superuser to the application database, for administration and
    /// tests only: the Host connects with <see cref="RuntimeConnectionString"/> (contains the password: never log it).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>Npgsql connection string of <see cref="MigratorUserName"/>, for migrations (never log it).</summary>
    public string MigratorConnectionString { get; }

    /// <summary>Npgsql connection string of <see cref="RuntimeUserName"/>, the Host's least-privileged login (never log it).</summary>
    public string RuntimeConnectionString { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The absolute data folder (see <see cref="EmbeddedPostgresOptions.DataDirectory"/>), which holds the passwords.</summary>
    public string DataDirectory => _layout.Root;

    /// <summary>The folder of the cluster and its log: <see cref="DataDirectory"/>, or the relocated folder of a root host (see <see cref="EmbeddedPostgresOptions.SharedDirectory"/>).</summary>
    public string ServerDirectory => _layout.ServerRoot;

    /// <summary>Whether this start initialised a new cluster, started an existing one or took over a running server.</summary>
    public EmbeddedPostgresStartKind StartKind { get; }

    /// <summary>
    /// Starts the server, initialising the data folder on first use, or takes over a server that a previous
    /// host left running on the same folder; then creates (or repairs) the migrator and runtime logins and
    /// the application database, owned by the migrator.
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
        var root = Path.GetFullPath(options.DataDirectory);
        var binaries = await PostgresBinaries.LocateAsync(options.BinDirectory, cancellationToken);
        var account = await ServerAccount.ResolveAsync(cancellationToken);
        logger.UsingBinaries(binaries.InitDb, binaries.PgCtl, binaries.FoundVia, account.UserName);
        Directory.CreateDirectory(root);
        await using var startLock = await LockForStartAsync(Path.Combine(root, "start.lock"), cancellationToken);
        var layout = new DataDirectoryLayout(root, await ServerLocation.ResolveAsync(root, options.SharedDirectory, account, cancellationToken));
        if (layout.ServerRoot != layout.Root && !OperatingSystem.IsWindows())
        {
            // Nothing of the server's is left in the data folder: it can be the Host's user's alone.
            File.SetUnixFileMode(layout.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            logger.Relocated(layout.Root, account.UserName, layout.ServerRoot);
        }

        EmbeddedPostgresStartKind startKind;
        int port;
        if (await FindRunningServerAsync(layout, binaries, account, cancellationToken) is { } running)
        {
            (startKind, port) = (EmbeddedPostgresStartKind.Adopted, running.Port);
            logger.Adopted(running.Port, running.ProcessId, layout.ServerRoot);
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
        var connectionStrings = new ConnectionStrings(
            ConnectionStringOf(port, options.Database, options.UserName, password),
            ConnectionStringOf(port, options.Database, MigratorUserName, ReadOrCreatePassword(layout.MigratorPasswordFile)),
            ConnectionStringOf(port, options.Database, RuntimeUserName, ReadOrCreatePassword(layout.RuntimePasswordFile)));
        var server = new EmbeddedPostgres(layout, binaries, account, logger, port, connectionStrings, startKind);
        try
        {
            if (await EnsureDatabaseAsync(port, options.Database, options.UserName, password, connectionStrings, cancellationToken))
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
            logger.Started(version, port, stopwatch.ElapsedMilliseconds, layout.ServerRoot);
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

        var result = await _account.RunAsync(_binaries.PgCtl, ["stop", "-D", _layout.Cluster, "-m", "fast", "-w", "-t", "60"], _layout.ServerRoot, cancellationToken);
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
        var status = await account.RunAsync(binaries.PgCtl, ["status", "-D", layout.Cluster], layout.ServerRoot, cancellationToken);
        return status.Succeeded ? PostmasterPidFile.TryRead(layout.PidFile) : null;
    }

    private static async Task<FileStream> LockForStartAsync(string lockFile, CancellationToken cancellationToken)
    {
        // FileShare.None is an exclusive advisory lock on Unix; a start takes seconds, so waiting this long means something is stuck.
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waiting.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException exception)
            {
                throw PostgresUnavailableException.CommandFailed("start because another process kept it locked", exception.Message, lockFile, exception);
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
                throw PostgresUnavailableException.DataDirectoryUnreachable(layout.ServerRoot, account.UserName);
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
                layout.ServerRoot,
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
                layout.ServerRoot,
                cancellationToken);
            if (result.Succeeded)
            {
                return (port, false);
            }

            // Another host may have started the same cluster a moment before us.
            if (await FindRunningServerAsync(layout, binaries, account, cancellationToken) is { } running)
            {
                logger.Adopted(running.Port, running.ProcessId, layout.ServerRoot);
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

    /// <summary>
    /// As the superuser: creates (or repairs) the migrator and runtime logins with the passwords of their
    /// files, creates the database owned by the migrator if it is missing, and hands the migrator the schema
    /// and whatever an older start left owned by the superuser. Idempotent; runs at every start.
    /// </summary>
    private static async Task<bool> EnsureDatabaseAsync(
        int port, string database, string userName, string password, ConnectionStrings connectionStrings, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionStringOf(port, "postgres", userName, password)) { Pooling = false, Timeout = 10 };
        bool created;
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await EnsureRolesAsync(connection, connectionStrings, cancellationToken);
            created = await EnsureDatabaseOwnedByMigratorAsync(connection, database, cancellationToken);
        }

        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(maintenance.ConnectionString) { Database = database }.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var handOver = new NpgsqlCommand(HandOverSchemaSql, connection);
            await handOver.ExecuteNonQueryAsync(cancellationToken);
        }

        return created;
    }

    private static async Task EnsureRolesAsync(NpgsqlConnection connection, ConnectionStrings connectionStrings, CancellationToken cancellationToken)
    {
        // Role statements take no parameters; names are constants and passwords generated hex digits.
        var migratorPassword = new NpgsqlConnectionStringBuilder(connectionStrings.Migrator).Password;
        var runtimePassword = new NpgsqlConnectionStringBuilder(connectionStrings.Runtime).Password;
        var sql = $"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{RuntimeGroupName}') THEN
                    CREATE ROLE {RuntimeGroupName} NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MigratorUserName}') THEN
                    CREATE ROLE {MigratorUserName} LOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{RuntimeUserName}') THEN
                    CREATE ROLE {RuntimeUserName} LOGIN;
                END IF;
            END;
            $$;
            ALTER ROLE {RuntimeGroupName} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
            ALTER ROLE {MigratorUserName} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{migratorPassword}';
            ALTER ROLE {RuntimeUserName} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{runtimePassword}';
            GRANT {RuntimeGroupName} TO {RuntimeUserName};
            """;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (PostgresException exception) when (attempt == 1 && exception.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Another server's start on this cluster created the same role a moment before.
            }
        }
    }

    private static async Task<bool> EnsureDatabaseOwnedByMigratorAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var owner = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = database } },
        };
        var current = await owner.ExecuteScalarAsync(cancellationToken) as string;

        // The name is a validated plain identifier (EmbeddedPostgresOptionsValidator); these statements take no parameters.
        if (current is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" OWNER {MigratorUserName}", connection);
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

        if (current != MigratorUserName)
        {
            await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" OWNER TO {MigratorUserName}", connection);
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }

        return false;
    }

    // Tables and functions that a start before the migrator existed created as the superuser are
    // handed over, so that the migrator owns the whole schema (identity sequences follow their table).
    private const string HandOverSchemaSql = $"""
        ALTER SCHEMA public OWNER TO {MigratorUserName};
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        DO $$
        DECLARE
            item record;
        BEGIN
            FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                          AND c.relowner = current_user::text::regrole
            LOOP
                EXECUTE format('ALTER TABLE %s OWNER TO {MigratorUserName}', item.name);
            END LOOP;
            FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::text::regrole
            LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {MigratorUserName}', item.name);
            END LOOP;
        END;
        $$;
        """;

    private static string ConnectionStringOf(int port, string database, string userName, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = ListenAddress,
            Port = port,
            Database = database,
            Username = userName,
            Password = password,
        }.ConnectionString;

    /// <summary>A login's password: the one in its file, or a new one written there (mode 0600) on first use.</summary>
    private static string ReadOrCreatePassword(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WritePrivateFile(path, password);
        return password;
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
            var relocated = layout.ServerRoot == layout.Root ? null : layout.ServerRoot;
            throw new PostgresUnavailableException(PostgresUnavailableException.PasswordFileMissing(layout.PasswordFile, relocated).Message, exception);
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

    private sealed record ConnectionStrings(string Superuser, string Migrator, string Runtime);
}
