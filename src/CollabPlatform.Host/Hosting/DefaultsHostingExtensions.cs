namespace CollabPlatform.Host.Hosting;

/// <summary>Cross-cutting defaults of every replica.</summary>
public static class DefaultsHostingExtensions
{
    public static IHostApplicationBuilder AddCollabDefaults(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddHostedService<ReadinessReporter>();
        // Orleans leaves the cluster and hands its grains over on SIGTERM; give it time to.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
