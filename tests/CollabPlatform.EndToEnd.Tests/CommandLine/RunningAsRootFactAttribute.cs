namespace CollabPlatform.EndToEnd.Tests.CommandLine;

/// <summary>A test of what happens when the Host runs as root (as CI does); skipped, saying so, for an ordinary user.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunningAsRootFactAttribute : FactAttribute
{
    public RunningAsRootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: only a root Host runs PostgreSQL as the separate 'postgres' OS user, which cannot reach a private clone (run the tests as root, as CI does)";
        }
    }
}
