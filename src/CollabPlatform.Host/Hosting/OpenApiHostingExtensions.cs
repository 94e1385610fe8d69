namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Serves the OpenAPI document of the JSON API at <see cref="Path"/>, without a token: it describes
/// the contract, which is public (protos/), and holds no data.
/// </summary>
public static class OpenApiHostingExtensions
{
    /// <summary>Where the document is served; <c>docs/openapi.json</c> is a committed copy.</summary>
    public const string Path = "/openapi/v1.json";

    public static WebApplication MapCollabOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var document = new Lazy<string>(OpenApiDocumentGenerator.Generate);
        app.MapGet(Path, () => Results.Text(document.Value, "application/json"));
        return app;
    }
}
