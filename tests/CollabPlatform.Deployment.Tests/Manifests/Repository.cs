namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CollabPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no CollabPlatform.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The folder holding CollabPlatform.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
