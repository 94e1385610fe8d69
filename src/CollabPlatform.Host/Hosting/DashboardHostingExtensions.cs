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

    /// <summary>
    /// Scripts, styles and calls from the Host's own origin only, never inline (a script injected
    /// into the page does not run), and no framing (no clickjacking). The empty favicon is a data: URL.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
                branch.Use((context, next) =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    // The page's address carries the scope being looked at; it goes nowhere else.
                    headers["Referrer-Policy"] = "no-referrer";
                    return next(context);
                });
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
