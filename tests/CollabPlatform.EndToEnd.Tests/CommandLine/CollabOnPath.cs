using CollabPlatform.EndToEnd.Tests.Clients;

namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>
/// A temporary folder with an executable <c>collab</c> that runs this build's command line, to put
/// first on a shell's PATH, as an installed tool would be.
/// </summary>
public sealed class CollabOnPath : IDisposable
{
    private CollabOnPath(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>PATH with <see cref="Folder"/> first.</summary>
    public string Path => $"{Folder}:{Environment.GetEnvironmentVariable("PATH")}";

    public static CollabOnPath Create()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var cli = System.IO.Path.Combine(ClientRuntimes.Root, "src", "CollabPlatform.Cli", "bin", configuration, "net10.0", "collab.dll");
        Assert.True(File.Exists(cli), $"build the CLI first: {cli} is missing");
        var folder = Directory.CreateTempSubdirectory("collab-on-path-").FullName;
        var script = System.IO.Path.Combine(folder, "collab");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{cli}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new CollabOnPath(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
