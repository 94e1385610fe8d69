namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>A temporary file holding a script, deleted on dispose.</summary>
public sealed class TempScript : IDisposable
{
    private TempScript(string path) => Path = path;

    public string Path { get; }

    public static TempScript Write(string text, string extension)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"collab-completion-{Guid.NewGuid().ToString("N")[..8]}{extension}");
        File.WriteAllText(path, text);
        return new TempScript(path);
    }

    public void Dispose() => File.Delete(path: Path);
}
