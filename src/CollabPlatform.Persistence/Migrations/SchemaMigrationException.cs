namespace CollabPlatform.Persistence.Migrations;

/// <summary>The database schema cannot be brought up to date safely; the message names the migration and what to do.</summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException()
        : this("The database schema could not be migrated.")
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
