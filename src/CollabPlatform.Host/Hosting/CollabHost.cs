using CollabPlatform.Persistence.Embedded;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The one composition of a Host replica, used by <c>Program.cs</c>, the <c>collab serve</c> command
/// and end-to-end tests alike.
/// </summary>
public static class CollabHost
{
    /// <summary>Builds the Host: database first (Orleans needs it while being configured), then the rest.</summary>
    /// <param name="args">Command-line settings (<c>--Key=value</c>).</param>
    /// <param name="overrides">Settings that win over every other source (tests, the CLI).</param>
    /// <param name="configure">
    /// Last additions to the composition before it is built, such as the in-memory telemetry
    /// exporters and log recorders of tests; the Host itself passes none.
    /// </param>
    /// <param name="cancellationToken">Aborts start-up of the database.</param>
    public static async Task<WebApplication> BuildAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        // Settings files ship next to the binaries; the working directory is where data lives.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        await builder.AddCollabPersistenceAsync(cancellationToken);
        builder.AddCollabDefaults();
        builder.AddCollabOrleans();
        builder.AddCollabApi();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapCollabTelemetry();
        app.MapCollabDashboard();
        app.MapCollabApi();
        app.MapCollabOpenApi();
        return app;
    }

    /// <summary>
    /// Runs the Host until it is stopped. A database that cannot be had ends the process with one
    /// message saying what to install or set, and exit code 2.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        WebApplication app;
        try
        {
            app = await BuildAsync(args, overrides);
        }
        catch (PostgresUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync(
                $"PostgreSQL could not be reached with ConnectionStrings:Collab ({ex.Message}): check that the server runs and the connection string is right, or unset it to use the embedded server.");
            return 2;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync();
            }
            catch (IOException ex)
            {
                // Typically a port already taken; the message names the address.
                await Console.Error.WriteLineAsync($"CollabPlatform could not start: {ex.Message}");
                return 1;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                // A setting is wrong; each failure names its key and what it expects.
                await Console.Error.WriteLineAsync($"CollabPlatform could not start: {string.Join(Environment.NewLine, ex.Failures)}");
                return 1;
            }
        }

        return 0;
    }
}
