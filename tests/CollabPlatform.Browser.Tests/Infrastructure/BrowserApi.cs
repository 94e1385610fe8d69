using CollabPlatform.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CollabPlatform.Browser.Tests.Infrastructure;

/// <summary>
/// The one place where these tests make gRPC clients of the Host: a channel over loopback h2c and
/// the caller's bearer token on every call (official:&lt;region&gt; is that region's official, any
/// other name an admin).
/// </summary>
internal sealed class BrowserApi : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;

    private BrowserApi(Uri address, string actor)
    {
        _channel = GrpcChannel.ForAddress(address);
        _invoker = _channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + Token(actor));
            return metadata;
        });
    }

    public static BrowserApi Connect(Uri address, string actor) => new(address, actor);

    /// <summary>A token for <paramref name="actor"/>.</summary>
    public static string Token(string actor) =>
        Token(actor.StartsWith("official:", StringComparison.Ordinal)
            ? new Domain.Access.Principal(actor, Domain.Access.Role.RegionOfficial, actor["official:".Length..])
            : new Domain.Access.Principal(actor, Domain.Access.Role.Admin, null));

    /// <summary>A token for <paramref name="principal"/>, signed with the run's key.</summary>
    public static string Token(Domain.Access.Principal principal) => EndToEnd.Tests.Infrastructure.TestSigningKey.Token(principal);

    public PartnershipService.PartnershipServiceClient Partnerships => new(_invoker);

    public JointProgramService.JointProgramServiceClient Programmes => new(_invoker);

    public FacilitationService.FacilitationServiceClient Facilitation => new(_invoker);

    public RegionService.RegionServiceClient Regions => new(_invoker);

    /// <summary>A deadline for one call, so that no test waits without bound.</summary>
    public static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public void Dispose() => _channel.Dispose();
}
