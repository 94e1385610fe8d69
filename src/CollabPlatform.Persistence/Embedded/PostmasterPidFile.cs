using System.Globalization;

namespace CollabPlatform.Persistence.Embedded;

/// <summary>
/// What a running server writes to <c>postmaster.pid</c>: line 1 is its process id, line 4 the port it
/// listens on (the layout PostgreSQL documents for the file since version 9.1).
/// </summary>
internal sealed record PostmasterPidFile(int ProcessId, int Port)
{
    public static PostmasterPidFile? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 4
            || !int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return new PostmasterPidFile(processId, port);
    }
}
