using System.Globalization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>CPU time and resident memory of processes, read from <c>/proc</c> (Linux).</summary>
internal static class ProcStat
{
    // USER_HZ: /proc reports CPU time in clock ticks of 1/100 s on every Linux the project supports.
    private const double TicksPerSecond = 100.0;

    /// <summary>User plus system CPU time of the process, or null once it has gone.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15 (1-based).
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((utime + stime) / TicksPerSecond);
    }

    /// <summary>
    /// CPU time of the process and of its children that have exited and been waited for (a
    /// postmaster's finished backends), or null once it has gone.
    /// </summary>
    public static TimeSpan? CpuTimeWithReapedChildren(int pid)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        // utime, stime, cutime, cstime: fields 14 to 17 (1-based).
        var ticks = fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident set size (VmRSS) in bytes, or null once the process has gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>
    /// Proportional set size in bytes (shared pages divided among the processes sharing them), or
    /// null once the process has gone: the sum over a process tree counts shared memory once.
    /// </summary>
    public static long? ProportionalBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    var kb = line["Pss:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ResidentBytes(pid);
    }

    /// <summary>The process and every descendant of it that runs now (e.g. a postmaster and its backends).</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (StatFields(pid) is { } fields)
            {
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>The 1, 5 and 15 minute load averages of the machine.</summary>
    public static string LoadAverage()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return string.Join(' ', parts.Take(3));
    }

    // The fields after the command name, which may itself hold spaces and parentheses.
    private static string[]? StatFields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var close = text.LastIndexOf(')');
        return close < 0 ? null : text[(close + 2)..].Split(' ');
    }
}
