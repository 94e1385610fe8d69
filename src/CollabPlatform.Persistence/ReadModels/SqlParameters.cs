using Npgsql;
using NpgsqlTypes;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>Typed parameters, so that a NULL filter still tells PostgreSQL its type.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter TextArray(IReadOnlyCollection<string> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter Timestamp(DateTimeOffset? value) =>
        new() { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Date(DateOnly? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlParameter Integer(int value) =>
        new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    public static NpgsqlParameter BigInt(long value) =>
        new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };
}
