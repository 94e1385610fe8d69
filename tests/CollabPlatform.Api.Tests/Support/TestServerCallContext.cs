using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;
using Grpc.Core;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>A call context for unit tests: headers, deadline and cancellation as the test sets them.</summary>
public sealed class TestServerCallContext(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) : ServerCallContext
{
    private readonly Metadata _trailers = [];

    /// <summary>A call the authentication interceptor has already proved to come from <paramref name="principal"/>.</summary>
    public static TestServerCallContext As(Principal principal)
    {
        var context = new TestServerCallContext();
        AuthenticatedCallerAccessor.Set(context, new Caller(principal));
        return context;
    }

    protected override string MethodCore => "/collab.v1.Test/Method";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:5555";

    protected override DateTime DeadlineCore => deadline ?? DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => headers ?? [];

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore => _trailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("no propagation in unit tests");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
