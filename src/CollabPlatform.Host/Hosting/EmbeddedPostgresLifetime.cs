using CollabPlatform.Persistence.Embedded;

namespace CollabPlatform.Host.Hosting;

/// <summary>Stops the embedded PostgreSQL when the Host shuts down, after everything that uses it.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync(cancellationToken);
}
