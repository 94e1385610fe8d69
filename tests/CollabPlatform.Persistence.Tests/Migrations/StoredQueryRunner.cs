using System.Data;
using Npgsql;

namespace CollabPlatform.Persistence.Tests.Migrations;

/// <summary>
/// Runs a statement from OrleansQuery the way the Orleans ADO.NET providers do: looked up by key, named
/// parameters typed from their CLR type (DBNull for null), results read by column name.
/// </summary>
public sealed class StoredQueryRunner(string connectionString)
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RunAsync(string queryKey, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        string queryText;
        await using (var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", connection))
        {
            lookup.Parameters.Add(new NpgsqlParameter { Value = queryKey });
            queryText = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"OrleansQuery has no {queryKey}.");
        }

        await using var command = new NpgsqlCommand(queryText, connection);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value ?? DBNull.Value, DbType = type });
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    public async Task<object?> ScalarAsync(string queryKey, params (string Name, object? Value, DbType Type)[] parameters)
    {
        var rows = await RunAsync(queryKey, parameters);
        return Assert.Single(Assert.Single(rows).Values);
    }
}
