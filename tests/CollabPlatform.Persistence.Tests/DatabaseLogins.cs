namespace CollabPlatform.Persistence.Tests;

/// <summary>Connection strings of the embedded server's three logins to one test database.</summary>
public sealed record DatabaseLogins(string Superuser, string Migrator, string Runtime);
