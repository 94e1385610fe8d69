using System.Diagnostics;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>A private PostgreSQL and a <see cref="ReplicaSet"/> on it, started together and removed together.</summary>
public sealed class ReplicatedDeployment : IAsyncDisposable
{
    private ReplicatedDeployment(PrivateDatabase database, ReplicaSet replicas, TimeSpan readyIn)
    {
        Database = database;
        Replicas = replicas;
        ReadyIn = readyIn;
    }

    public PrivateDatabase Database { get; }

    public ReplicaSet Replicas { get; }

    /// <summary>How long the database and every replica took to be ready.</summary>
    public TimeSpan ReadyIn { get; }

    public static async Task<ReplicatedDeployment> StartAsync(string label, int replicas)
    {
        var clock = Stopwatch.StartNew();
        var database = await PrivateDatabase.StartAsync(label);
        try
        {
            var set = await ReplicaSet.StartAsync(database.ConnectionString, replicas, label);
            return new ReplicatedDeployment(database, set, clock.Elapsed);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Replicas.DisposeAsync();
        await Database.DisposeAsync();
    }
}
