using System.CommandLine;
using CollabPlatform.Persistence.Embedded;
using CollabPlatform.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab migrate</c>: applies pending migrations to the configured PostgreSQL, or to the embedded
/// default the Host would use, and exits. Production runs it as a job before the replicas start.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "Npgsql connection string of the schema's owner (env ConnectionStrings__CollabMigrator, else ConnectionStrings__Collab); unset: the embedded PostgreSQL in --data-directory, as its migrator login",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__CollabMigrator") is { Length: > 0 } migrator ? migrator
                : Environment.GetEnvironmentVariable("ConnectionStrings__Collab") is { Length: > 0 } value ? value : null,
        };
        var dataDirectory = new Option<string>("--data-directory")
        {
            Description = "folder of the embedded PostgreSQL (the Host's Collab:Database:DataDirectory)",
            DefaultValueFactory = _ => ".pgdata",
        };
        var command = new Command("migrate", "Apply pending database migrations and exit") { connection, dataDirectory };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                if (parseResult.GetValue(connection) is { } connectionString)
                {
                    var host = new NpgsqlConnectionStringBuilder(connectionString).Host;
                    await output.WriteLineAsync($"migrating PostgreSQL at {host}");
                    await ReportAsync(output, await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, cancellationToken));
                    return 0;
                }

                var directory = Path.GetFullPath(parseResult.GetValue(dataDirectory) ?? ".pgdata");
                await using var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = directory }, NullLogger.Instance, cancellationToken);
                await output.WriteLineAsync($"migrating the embedded PostgreSQL in {embedded.ServerDirectory}");
                await ReportAsync(output, await DatabaseMigrator.MigrateAsync(embedded.MigratorConnectionString, NullLogger.Instance, cancellationToken));
                return 0;
            }
            catch (PostgresUnavailableException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
            {
                await error.WriteLineAsync($"error: PostgreSQL could not be migrated: {ex.Message}. Check --connection (env ConnectionStrings__CollabMigrator or ConnectionStrings__Collab).");
                return 2;
            }
        });
        return command;
    }

    private static async Task ReportAsync(TextWriter output, IReadOnlyList<string> applied)
    {
        if (applied.Count == 0)
        {
            await output.WriteLineAsync("the database is up to date; nothing to apply");
            return;
        }

        foreach (var name in applied)
        {
            await output.WriteLineAsync($"applied {name}");
        }
    }
}
