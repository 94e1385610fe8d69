namespace CollabPlatform.Host.Hosting;

/// <summary>The database this Host uses, resolved once at start-up.</summary>
/// <param name="ConnectionString">Npgsql connection string (never logged).</param>
/// <param name="Description">What to tell an operator: embedded at a port, or the configured server's host.</param>
public sealed record CollabDatabase(string ConnectionString, string Description);
