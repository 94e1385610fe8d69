namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>Files of the repository these tests check against: protos/ and docs/.</summary>
public static class RepoFiles
{
    /// <summary>The folder holding CollabPlatform.sln, above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>protos/collab/v1/*.proto, by file name.</summary>
    public static IReadOnlyList<string> Protos() =>
        [.. Directory.GetFiles(PathOf("protos", "collab", "v1"), "*.proto").Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollabPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no CollabPlatform.sln above {AppContext.BaseDirectory}");
    }
}
