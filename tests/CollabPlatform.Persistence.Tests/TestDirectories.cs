namespace CollabPlatform.Persistence.Tests;

/// <summary>Unique data folders under the temp path, which the 'postgres' OS user can reach when tests run as root.</summary>
public static class TestDirectories
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"collab-pgtests-{purpose}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
