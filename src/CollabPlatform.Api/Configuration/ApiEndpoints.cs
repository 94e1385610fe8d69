using System.Net;

namespace CollabPlatform.Api.Configuration;

/// <summary>
/// The API's listening endpoints, with the ports actually bound once the server has started (a
/// configured port 0 becomes a real one), so that tests and the CLI can reach a Host they started.
/// </summary>
public sealed class ApiEndpoints
{
    private Func<EndPoint?> _grpc = () => null;
    private Func<EndPoint?> _http = () => null;

    /// <summary>True when the endpoints serve TLS.</summary>
    public bool Tls { get; private set; }

    /// <summary>The gRPC endpoint, e.g. <c>http://127.0.0.1:5080</c>; null before the server has started.</summary>
    public Uri? GrpcAddress => ToUri(_grpc());

    /// <summary>The JSON/HTTP endpoint, e.g. <c>http://127.0.0.1:5081</c>; null before the server has started.</summary>
    public Uri? HttpAddress => ToUri(_http());

    /// <summary>Records where the endpoints are; the getters are read after binding.</summary>
    public void Set(Func<EndPoint?> grpc, Func<EndPoint?> http, bool tls)
    {
        _grpc = grpc;
        _http = http;
        Tls = tls;
    }

    private Uri? ToUri(EndPoint? endPoint)
    {
        if (endPoint is not IPEndPoint { Port: > 0 } ip)
        {
            return null;
        }

        // A wildcard address is reached locally over loopback.
        var host = ip.Address.Equals(IPAddress.Any) ? "127.0.0.1"
            : ip.Address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip.Address}]"
            : ip.Address.ToString();
        return new Uri($"{(Tls ? "https" : "http")}://{host}:{ip.Port}");
    }
}
