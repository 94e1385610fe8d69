namespace CollabPlatform.Browser.Tests.Infrastructure;

/// <summary>Where the repository, the browser driver and the build outputs are, seen from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of this project's sources: the driver script and its node_modules.</summary>
    public static string BrowserTests => Path.Combine(Root, "tests", "CollabPlatform.Browser.Tests");

    /// <summary>The <c>collab</c> command's build output, in the same configuration as this test.</summary>
    public static string CliAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var path = Path.Combine(Root, "src", "CollabPlatform.Cli", "bin", configuration, "net10.0", "collab.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the CLI first", path);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CollabPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no CollabPlatform.sln above {AppContext.BaseDirectory}");
    }
}
