namespace CollabPlatform.Benchmarks.Harness;

/// <summary>A private PostgreSQL and a Host process on it, ready to serve, for one scenario.</summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private BenchStack(BenchDatabase database, HostUnderTest host, ApiClient admin)
    {
        Database = database;
        Host = host;
        Admin = admin;
    }

    public BenchDatabase Database { get; }

    public HostUnderTest Host { get; }

    /// <summary>A client of its own channel calling as the admin, for set-up and health checks.</summary>
    public ApiClient Admin { get; }

    public static async Task<BenchStack> StartAsync(string purpose, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
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

            host = await HostUnderTest.StartAsync(all);
            var admin = ApiClient.Connect(host.GrpcAddress, BenchIdentity.Admin);
            await HealthCheck.WaitServingAsync(admin, TimeSpan.FromSeconds(60));
            Log.Line($"  Host pid {host.Pid} ready in {host.ReportedReadyMs} ms on {host.GrpcAddress}, PostgreSQL pid {database.Process.Pid}");
            return new BenchStack(database, host, admin);
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

    /// <summary>
    /// How long to keep the Host running after a scenario has measured (<c>--hold=SECONDS</c>), to
    /// attach diagnostic tools (dotnet-trace, dotnet-gcdump) to it.
    /// </summary>
    public static TimeSpan Hold { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Hold > TimeSpan.Zero)
        {
            Log.Line($"  holding the Host (pid {Host.Pid}) for {Hold.TotalSeconds:0} s");
            await Task.Delay(Hold);
        }

        Admin.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
