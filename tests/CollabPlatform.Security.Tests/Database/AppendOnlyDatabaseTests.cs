using Npgsql;
using Xunit.Abstractions;

namespace CollabPlatform.Security.Tests.Database;

/// <summary>
/// The database itself keeps the ledger and the audit log append-only: with the very credentials the
/// Host connects with, history cannot be edited, removed or have its guards switched off, while the
/// Host still records changes end to end.
/// </summary>
public sealed class AppendOnlyDatabaseTests(HostWithHistory fixture, ITestOutputHelper output) : IClassFixture<HostWithHistory>
{
    private const string InsufficientPrivilege = "42501";

    public static TheoryData<string, string> Tampering => new()
    {
        { "update the ledger", "UPDATE collab_ledger SET actor = 'someone-else'" },
        { "delete from the ledger", "DELETE FROM collab_ledger" },
        { "truncate the ledger", "TRUNCATE collab_ledger" },
        { "update the audit log", "UPDATE collab_audit SET actor = 'someone-else'" },
        { "delete from the audit log", "DELETE FROM collab_audit" },
        { "truncate the audit log", "TRUNCATE collab_audit" },
        { "disable the ledger's triggers", "ALTER TABLE collab_ledger DISABLE TRIGGER ALL" },
        { "disable the audit log's guard", "ALTER TABLE collab_audit DISABLE TRIGGER collab_audit_append_only" },
        { "drop the ledger's guard", "DROP TRIGGER collab_ledger_append_only ON collab_ledger" },
        { "replace the guard's function", "CREATE OR REPLACE FUNCTION collab_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$" },
        { "take the ledger over", "ALTER TABLE collab_ledger OWNER TO CURRENT_USER" },
        { "drop the audit log", "DROP TABLE collab_audit" },
        { "switch triggers off for the session", "SET session_replication_role = replica" },
        { "become the server's superuser", "SET ROLE collab" },
        { "become the migrator", "SET ROLE collab_migrator" },
        { "become the superuser by session authorisation", "SET SESSION AUTHORIZATION collab" },
        { "grant itself the migrator", "GRANT collab_migrator TO CURRENT_USER" },
        { "make itself superuser", "ALTER ROLE CURRENT_USER SUPERUSER" },
        { "create a table of its own", "CREATE TABLE collab_shadow (id int)" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task HostCredentials_TamperingWithHistory_AreRefusedForLackOfPrivilege(string attempt, string sql)
    {
        var before = await fixture.CountHistoryAsync();
        await using var connection = new NpgsqlConnection(fixture.Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Record.ExceptionAsync(() => command.ExecuteNonQueryAsync());

        output.WriteLine($"{attempt}: {refused?.Message ?? "ACCEPTED"}");
        var postgres = Assert.IsType<PostgresException>(refused);
        Assert.True(postgres.SqlState == InsufficientPrivilege, $"{attempt}: expected SQLSTATE {InsufficientPrivilege} (insufficient privilege), got {postgres.SqlState} {postgres.MessageText}");
        Assert.Equal(before, await fixture.CountHistoryAsync());
    }

    [Fact]
    public async Task HostCredentials_AreNeitherSuperuserNorOwnerOfTheHistory()
    {
        await using var connection = new NpgsqlConnection(fixture.Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                   pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE relname = 'collab_ledger'), 'USAGE'),
                   pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE relname = 'collab_audit'), 'USAGE'),
                   has_table_privilege('collab_ledger', 'INSERT'), has_table_privilege('collab_audit', 'SELECT')
            FROM pg_roles r WHERE r.rolname = current_user
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.False(reader.GetBoolean(0), "the Host's role is a superuser");
        Assert.False(reader.GetBoolean(1), "the Host's role may create roles");
        Assert.False(reader.GetBoolean(2), "the Host's role may create databases");
        Assert.False(reader.GetBoolean(3), "the Host's role bypasses row security");
        Assert.False(reader.GetBoolean(4), "the Host's role owns (or may act as the owner of) collab_ledger");
        Assert.False(reader.GetBoolean(5), "the Host's role owns (or may act as the owner of) collab_audit");
        Assert.True(reader.GetBoolean(6), "the Host's role cannot append to the ledger");
        Assert.True(reader.GetBoolean(7), "the Host's role cannot read the audit log");
    }

    [Fact]
    public async Task Host_OnItsCredentials_ProposesAndAdvancesThroughGrpc()
    {
        var (partnershipId, version) = await fixture.ProposeAndAdvanceAsync("again");

        Assert.Equal(3, version);
        var history = await fixture.CountHistoryAsync(partnershipId);
        Assert.Equal((3L, 3L), history);
    }
}
