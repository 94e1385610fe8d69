namespace CollabPlatform.Persistence.Tests.Embedded;

/// <summary>A test of the root host's behaviour (as CI runs); skipped, saying so, for an ordinary user.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunningAsRootFactAttribute : FactAttribute
{
    public RunningAsRootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: only a root host runs PostgreSQL as the separate 'postgres' OS user (run the tests as root, as CI does)";
        }
    }
}
