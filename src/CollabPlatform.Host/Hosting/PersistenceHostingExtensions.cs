using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabPlatform.Host.Hosting;

/// <summary>Start-up of the database: the configured server, or the embedded default.</summary>
public static class PersistenceHostingExtensions
{
    /// <summary>
    /// Resolves the database before anything else is composed (Orleans needs the connection string
    /// while it is configured): uses <c>ConnectionStrings:Collab</c> when set, otherwise starts the
    /// embedded PostgreSQL and runs as its runtime login; then migrates when <see cref="DatabaseOptions.MigrateOnStart"/>
    /// is on, as the migrator (<c>ConnectionStrings:CollabMigrator</c>, or the embedded migrator login).
    /// </summary>
    public static async Task<IHostApplicationBuilder> AddCollabPersistenceAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("CollabPlatform.Persistence");

        var configured = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        CollabDatabase database;
        string migrator;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var host = new NpgsqlConnectionStringBuilder(configured).Host;
            database = new CollabDatabase(configured, $"PostgreSQL at {host} (ConnectionStrings:Collab)");
            migrator = builder.Configuration.GetConnectionString(DatabaseOptions.MigratorConnectionStringName) is { Length: > 0 } owner ? owner : configured;
        }
        else
        {
            var embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions
                {
                    DataDirectory = Path.GetFullPath(options.DataDirectory),
                    Port = options.EmbeddedPort,
                    BinDirectory = options.BinDirectory,
                },
                logger,
                cancellationToken);
            builder.Services.AddSingleton(embedded);
            // Registered before Orleans, so it stops after the silo has left the cluster.
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            database = new CollabDatabase(embedded.RuntimeConnectionString, $"embedded PostgreSQL on 127.0.0.1:{embedded.Port} in {embedded.ServerDirectory}");
            migrator = embedded.MigratorConnectionString;
        }

        if (options.MigrateOnStart)
        {
            await DatabaseMigrator.MigrateAsync(migrator, logger, cancellationToken);
        }

        // Every session of ours (grains, feeds, Orleans providers) gets the idle-in-transaction bound.
        database = new CollabDatabase(SessionTimeouts.WithIdleInTransactionTimeout(database.ConnectionString, options.IdleInTransactionTimeout), database.Description);
        builder.Properties[typeof(CollabDatabase)] = database;
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IOptions<DatabaseOptions>>(Options.Create(options));
        return builder;
    }
}
