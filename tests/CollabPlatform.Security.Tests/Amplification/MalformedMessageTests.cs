using System.Reflection;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace CollabPlatform.Security.Tests.Amplification;

/// <summary>
/// Bytes that are not a request of the rpc, sent to one rpc of every collab.v1 service found in the
/// Contracts (so a service added later is covered without a change here), are INVALID_ARGUMENT with
/// a BadRequest, never UNKNOWN or INTERNAL, and the Host stays healthy.
/// </summary>
public sealed class MalformedMessageTests : IAsyncLifetime
{
    private SecureHost _host = null!;

    // A leading '-' means the bytes are the whole body, not a message to frame.
    private static readonly (string What, string Hex)[] Bodies =
    [
        ("garbage", "ffffffff0f01"),
        ("invalid UTF-8 in field 1", "0a02c328"),
        ("a field cut short", "0a1041"),
        ("frame cut short", "-00000000090a"),
        ("no message", "-"),
        ("half a header", "-0000"),
    ];

    /// <summary>Every service of package collab.v1 in the Contracts assembly.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } = typeof(RegionService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package == "collab.v1")
        .SelectMany(f => f.Services)
        .DistinctBy(s => s.FullName)
        .ToList();

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("malformed");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MalformedRequest_ToEveryCollabService_IsInvalidArgumentWithBadRequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var client = RawGrpc.Client(_host.GrpcAddress);
        var token = TestSigningKey.Token(new Principal("admin-malformed", Role.Admin, null));
        Assert.Contains(Services, s => s.FullName == "collab.v1.AuditService");

        foreach (var service in Services.SelectMany(s => Bodies.Select(b => (Service: s, b.What, b.Hex))))
        {
            var (what, hex) = (service.What, service.Hex);
            var body = hex.StartsWith('-') ? Convert.FromHexString(hex[1..]) : RawGrpc.Frame(Convert.FromHexString(hex));
            var method = service.Service.Methods.First(m => !m.IsClientStreaming);
            var name = $"/{service.Service.FullName}/{method.Name}";

            var status = await RawGrpc.CallAsync(client, name, body, token, timeout.Token);

            Assert.True(status.StatusCode == StatusCode.InvalidArgument, $"{what} to {name}: answered {status}; expected INVALID_ARGUMENT");
            var detail = Assert.Single(status.Details!.Details);
            Assert.True(detail.Is(BadRequest.Descriptor), $"{what} to {name}: the detail is {detail.TypeUrl}, expected a google.rpc.BadRequest");
        }

        using var channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        Assert.Equal(HealthProbe.Serving, await HealthProbe.CheckAsync(channel.CreateCallInvoker(), string.Empty, TimeSpan.FromSeconds(30)));
        Assert.False(_host.Process.HasExited);
    }
}
