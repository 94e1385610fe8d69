using System.Globalization;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>
/// One real Host for the whole assembly, on its own embedded PostgreSQL (the Host's default with no
/// connection string) and free loopback ports, reached as an outsider: h2c gRPC and HTTP/1.1 JSON.
/// </summary>
public sealed class ContractHost : IAsyncLifetime
{
    /// <summary>WatchAgreements streams one caller may hold open on this Host.</summary>
    public const int MaxStreamsPerCaller = 3;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"collab-foreign-{Guid.NewGuid().ToString("N")[..10]}");
    private GrpcChannel? _channel;

    public HostProcess Process { get; private set; } = null!;

    /// <summary>The h2c gRPC endpoint.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 JSON (transcoding) endpoint.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>The shared channel; pass a caller's metadata per call (<see cref="Callers"/>).</summary>
    public CallInvoker Invoker => (_channel ?? throw new InvalidOperationException("the Host is not started")).CreateCallInvoker();

    /// <summary>A JSON client of the HTTP port with no token.</summary>
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var grpcPort = HostProcess.FreePort();
        var httpPort = HostProcess.FreePort();
        Process = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Collab:Database:DataDirectory"] = _dataDirectory,
            ["Collab:Orleans:ClusterId"] = $"foreign-{Guid.NewGuid().ToString("N")[..8]}",
            ["Collab:Api:ListenAddress"] = "127.0.0.1",
            ["Collab:Api:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Collab:Api:MaxStreamsPerCaller"] = MaxStreamsPerCaller.ToString(CultureInfo.InvariantCulture),
        }, readyWithin: TimeSpan.FromSeconds(120));
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _channel = GrpcChannel.ForAddress(GrpcAddress);
        Http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        _channel?.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not decide a test's outcome.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: PostgreSQL may leave files with restrictive modes.
        }
    }
}
