using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The management listener (Prometheus' <c>/metrics</c>), apart from the API's ports; its address
/// is known once the server has bound it, since a configured port 0 becomes a real one.
/// </summary>
public sealed class ManagementEndpoint
{
    private ListenOptions? _listen;

    /// <summary>Where the endpoint listens, e.g. <c>http://127.0.0.1:9464</c>; null before the server has started.</summary>
    public Uri? Address => _listen?.EndPoint is IPEndPoint { Port: > 0 } ip
        ? new Uri($"http://{(ip.Address.Equals(IPAddress.Any) ? "127.0.0.1" : ip.Address.ToString())}:{ip.Port}")
        : null;

    /// <summary>Records the listener; its endpoint is read after binding.</summary>
    public void Bind(ListenOptions listen) => _listen = listen;

    /// <summary>True for a request that came in through this listener.</summary>
    public bool Receives(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _listen?.EndPoint is IPEndPoint { Port: > 0 } ip && context.Connection.LocalPort == ip.Port;
    }
}
