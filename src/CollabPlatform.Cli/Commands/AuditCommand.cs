using System.CommandLine;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab audit verify</c>: recomputes the audit log's hash chains on the configured PostgreSQL, or on the
/// embedded default the Host would use, and names the first record that no longer matches. Exit code 0 when
/// every chain holds, 1 when one is broken, 2 when the database cannot be read.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "Npgsql connection string (env ConnectionStrings__Collab); the Host's least-privileged login is enough. Unset: the embedded PostgreSQL in --data-directory",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Collab") is { Length: > 0 } value ? value : null,
        };
        var dataDirectory = new Option<string>("--data-directory")
        {
            Description = "folder of the embedded PostgreSQL (the Host's Collab:Database:DataDirectory)",
            DefaultValueFactory = _ => ".pgdata",
        };
        var verify = new Command("verify", "Recompute the audit log's hash chains and report the first broken record (exit code 1)") { connection, dataDirectory };
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                if (parseResult.GetValue(connection) is { } connectionString)
                {
                    await output.WriteLineAsync($"verifying the audit log of PostgreSQL at {new NpgsqlConnectionStringBuilder(connectionString).Host}");
                    return await VerifyAsync(connectionString, output, error, cancellationToken);
                }

                var directory = Path.GetFullPath(parseResult.GetValue(dataDirectory) ?? ".pgdata");
                await using var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = directory }, NullLogger.Instance, cancellationToken);
                await output.WriteLineAsync($"verifying the audit log of the embedded PostgreSQL in {embedded.ServerDirectory}");
                return await VerifyAsync(embedded.RuntimeConnectionString, output, error, cancellationToken);
            }
            catch (PostgresUnavailableException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
            {
                await error.WriteLineAsync($"error: the audit log could not be read: {ex.Message}. Check --connection (env ConnectionStrings__Collab) and that the database is migrated.");
                return 2;
            }
        });

        return new Command("audit", "Check the audit log") { verify };
    }

    private static async Task<int> VerifyAsync(string connectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var report = await AuditChainVerifier.VerifyAsync(connection, cancellationToken);
        if (report.FirstBreak is { } broken)
        {
            var link = broken.ChainSeq is { } seq ? $", link {seq}" : string.Empty;
            await error.WriteLineAsync(
                $"audit record {broken.AuditId} (stream {broken.StreamId}{link}) is broken: {broken.Reason}; {report.BrokenRecords} of {report.Records} records fail the check");
            return 1;
        }

        await output.WriteLineAsync($"the audit log is intact: {report.Records} records in {report.Streams} chains");
        return 0;
    }
}
