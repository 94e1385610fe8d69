namespace CollabPlatform.Benchmarks.Harness;

/// <summary>A private PostgreSQL and a Host process on it, ready to serve, for one scenario.</summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private readonly TimeSpan _hold;

    private BenchStack(BenchDatabase database, HostUnderTest host, ApiClient admin, TimeSpan hold)
    {
        Database = database;
        Host = host;
        Admin = admin;
        _hold = hold;
    }

    public BenchDatabase Database { get; }

    public HostUnderTest Host { get; }

    /// <summary>A client of its own channel calling as the admin, for set-up and health checks.</summary>
    public ApiClient Admin { get; }

    /// <summary>
    /// Starts both with <paramref name="settings"/> added to the Host's; <paramref name="options"/>
    /// says which Host build to run and how long to hold it after measuring.
    /// </summary>
    public static async Task<BenchStack> StartAsync(string purpose, IReadOnlyDictionary<string, string>? settings, BenchOptions options, CancellationToken cancellationToken)
    {
        var database = await BenchDatabase.StartAsync(purpose, cancellationToken);
        HostUnderTest? host = null;
        try
        {
            var all = new Dictionary<string, string>(BenchIdentity.HostSettings)
            {
                ["ConnectionStrings:Collab"] = database.ConnectionString,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            host = await HostUnderTest.StartAsync(all, options.HostAssembly);
            var admin = ApiClient.Connect(host.GrpcAddress, BenchIdentity.Admin);
            await HealthCheck.WaitServingAsync(admin, TimeSpan.FromSeconds(60));
            Log.Line($"  Host pid {host.Pid} ready in {host.ReportedReadyMs} ms on {host.GrpcAddress}, PostgreSQL pid {database.Process.Pid}");
            return new BenchStack(database, host, admin, options.Hold);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Host, PostgreSQL and this program, for a <see cref="ResourceWindow"/>.</summary>
    public IReadOnlyList<MonitoredProcess> Processes => [Host.Process, Database.Process, MonitoredProcess.Self()];

    public async ValueTask DisposeAsync()
    {
        if (_hold > TimeSpan.Zero)
        {
            Log.Line($"  holding the Host (pid {Host.Pid}) for {_hold.TotalSeconds:0} s");
            await Task.Delay(_hold);
        }

        Admin.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
