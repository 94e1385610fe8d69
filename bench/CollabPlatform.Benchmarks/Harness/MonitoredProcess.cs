namespace CollabPlatform.Benchmarks.Harness;

/// <summary>A process (or a process tree, for PostgreSQL) whose CPU and memory a scenario reports.</summary>
internal sealed class MonitoredProcess(string name, int pid, bool wholeTree)
{
    public string Name { get; } = name;

    public int Pid { get; } = pid;

    /// <summary>CPU time so far; for a tree, that of its live members plus its root's reaped children.</summary>
    public TimeSpan CpuTime()
    {
        if (!wholeTree)
        {
            return ProcStat.CpuTime(Pid) ?? TimeSpan.Zero;
        }

        var total = ProcStat.CpuTimeWithReapedChildren(Pid) ?? TimeSpan.Zero;
        foreach (var member in ProcStat.Tree(Pid).Skip(1))
        {
            total += ProcStat.CpuTime(member) ?? TimeSpan.Zero;
        }

        return total;
    }

    /// <summary>Resident memory; for a tree, the sum of its members' proportional set sizes, so shared buffers count once.</summary>
    public long ResidentBytes() =>
        wholeTree
            ? ProcStat.Tree(Pid).Sum(p => ProcStat.ProportionalBytes(p) ?? 0)
            : ProcStat.ResidentBytes(Pid) ?? 0;

    public static MonitoredProcess Self() => new("client", Environment.ProcessId, wholeTree: false);
}
