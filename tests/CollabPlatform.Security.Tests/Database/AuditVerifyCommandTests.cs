using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Security.Tests.Database;

/// <summary>
/// <c>collab audit verify</c> against a Host's real audit log: intact after changes made through gRPC, and
/// naming the very record a superuser edited behind the application's back, with a failing exit code.
/// </summary>
public sealed class AuditVerifyCommandTests(HostWithHistory fixture, ITestOutputHelper output) : IClassFixture<HostWithHistory>
{
    private static readonly TimeSpan CommandTime = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AuditVerify_AfterASuperuserEditsARecordWithTriggersDisabled_ReportsThatRecordAndFails()
    {
        await fixture.ProposeAndAdvanceAsync("second");
        var intact = await CollabCli.RunAsync(CommandTime, "audit", "verify", "--connection", fixture.Host.ConnectionString);
        output.WriteLine($"before: exit {intact.ExitCode}: {intact.Output}{intact.Error}");
        Assert.True(intact.ExitCode == 0, $"verify of an untouched log: exit {intact.ExitCode}: {intact.Output}{intact.Error}");
        Assert.Contains("intact: 6 records", intact.Output, StringComparison.Ordinal);

        var edited = await EditBehindTheApplicationsBackAsync(fixture.Host.AdministratorConnectionString);
        var broken = await CollabCli.RunAsync(CommandTime, "audit", "verify", "--connection", fixture.Host.ConnectionString);

        output.WriteLine($"after editing record {edited}: exit {broken.ExitCode}: {broken.Output}{broken.Error}");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"audit record {edited} ", broken.Error, StringComparison.Ordinal);
        Assert.Contains("does not match its hash", broken.Error, StringComparison.Ordinal);
    }

    /// <summary>As the server's superuser: switches the append-only guard off, rewrites one record's actor, switches it on again.</summary>
    private static async Task<long> EditBehindTheApplicationsBackAsync(string superuser)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            ALTER TABLE collab_audit DISABLE TRIGGER collab_audit_append_only;
            UPDATE collab_audit SET actor = 'official:ID-33.10'
            WHERE audit_id = (SELECT audit_id FROM collab_audit ORDER BY audit_id OFFSET 1 LIMIT 1)
            RETURNING audit_id;
            ALTER TABLE collab_audit ENABLE TRIGGER collab_audit_append_only;
            """,
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
