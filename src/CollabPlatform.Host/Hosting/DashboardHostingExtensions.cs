using CollabPlatform.Api.Configuration;
using Microsoft.Extensions.FileProviders;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The web dashboard (docs/dashboard.md): static files from the <c>Dashboard</c> folder next to the binaries,
/// served on the HTTP (JSON) port only, so the page calls the API from its own origin.
/// </summary>
public static class DashboardHostingExtensions
{
    /// <summary>The folder of the dashboard's files, under the content root.</summary>
    public const string Folder = "Dashboard";

    public static WebApplication MapCollabDashboard(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, Folder);
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var endpoints = app.Services.GetRequiredService<ApiEndpoints>();
        app.UseWhen(
            context => IsDashboardRequest(context, endpoints),
            branch =>
            {
                branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                branch.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = files,
                    // The page is small and changes with the Host; browsers revalidate every load.
                    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
                });
            });
        return app;
    }

    // Only plain GETs that reach the HTTP port; the API's own routes start with /v1/ and are left alone.
    private static bool IsDashboardRequest(HttpContext context, ApiEndpoints endpoints) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
        && endpoints.HttpAddress is { } http
        && context.Connection.LocalPort == http.Port;
}
