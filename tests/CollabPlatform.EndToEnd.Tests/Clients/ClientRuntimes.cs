namespace CollabPlatform.EndToEnd.Tests.Clients;

/// <summary>
/// Where the client scripts are and which interpreters run them. A missing interpreter or module
/// fails the test with one line saying what to install (never a silent skip); .ci/run installs
/// them on a fresh machine.
/// </summary>
public static class ClientRuntimes
{
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(20);

    public static string Root { get; } = FindRoot();

    public static string NodeClient => Path.Combine(Root, "clients", "node");

    public static string PythonClient => Path.Combine(Root, "clients", "python");

    /// <summary>Fails unless <c>node</c> (20 or later) runs and <c>clients/node</c> has its packages.</summary>
    public static async Task AssertNodeReadyAsync()
    {
        var version = await ChildProcess.RunAsync("node", ["--version"], ProbeLimit);
        Assert.True(
            version.ExitCode == 0 && int.TryParse(version.Output.TrimStart('v').Split('.')[0], out var major) && major >= 20,
            $"Node.js 20 or later is needed on PATH (apt-get install -y nodejs npm), found: {version.Output.Trim()}{version.Error.Trim()}");
        foreach (var package in new[] { "@grpc/grpc-js", "@grpc/proto-loader" })
        {
            Assert.True(
                File.Exists(Path.Combine(NodeClient, "node_modules", package, "package.json")),
                $"{package} is missing: run 'npm ci' in {NodeClient}; .ci/run does this on a fresh machine");
        }
    }

    /// <summary>
    /// The first Python 3 that has grpc and protobuf and can generate stubs (grpc_tools, or protoc with
    /// grpc_python_plugin): COLLAB_PYTHON, then <c>python3</c> on PATH, then Debian's <c>/usr/bin/python3</c>
    /// (where apt installs python3-grpcio when PATH starts with another Python).
    /// </summary>
    public static async Task<string> PythonAsync()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("COLLAB_PYTHON"), "python3", "/usr/bin/python3" }
            .Where(c => !string.IsNullOrEmpty(c)).Distinct().Cast<string>().ToList();
        const string Probe = """
            import grpc, google.protobuf, shutil
            try:
                import grpc_tools
            except ImportError:
                assert shutil.which("protoc") and shutil.which("grpc_python_plugin"), "no stub generator"
            """;
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            var probe = await ChildProcess.RunAsync(candidate, ["-c", Probe], ProbeLimit);
            if (probe.ExitCode == 0)
            {
                return candidate;
            }

            tried.Add($"{candidate}: {probe.Error.Trim().Split('\n').LastOrDefault()}");
        }

        Assert.Fail($"no Python 3 with grpc, protobuf and a stub generator ({string.Join("; ", tried)}): apt-get install -y python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc libprotobuf-dev; .ci/run does this on a fresh machine");
        return string.Empty;
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
