using CollabPlatform.Cli.Client;
using Grpc.Net.Client;

namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>
/// A client of one Host's public API over a channel of its own, which notes the rpc of every call
/// it sends (by method name, e.g. <c>ProposePartnership</c>).
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly RecordedCollection<string> _sent = new();

    /// <summary>Only <see cref="TelemetryFixture.Connect"/> opens connections.</summary>
    internal ApiConnection(Uri address, string actor)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SentCalls(_sent, new SocketsHttpHandler()) });
        Client = CollabClient.Over(_channel, Api.TestTokens.CredentialsOf(actor));
    }

    /// <summary>The four services, calling as the actor it was opened for (another through <c>As</c>).</summary>
    public CollabClient Client { get; }

    /// <summary>Method names of the calls sent so far, in order.</summary>
    public IReadOnlyList<string> Sent => _sent.Snapshot();

    public void Dispose() => _channel.Dispose();

    private sealed class SentCalls(RecordedCollection<string> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request.RequestUri!.AbsolutePath.Split('/')[^1]);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
