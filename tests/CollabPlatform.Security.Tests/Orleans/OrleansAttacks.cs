using System.Net;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace CollabPlatform.Security.Tests.Orleans;

/// <summary>What an outsider does with the silo's ports, and a partnership proposed the legitimate way to aim at.</summary>
public static class OrleansAttacks
{
    /// <summary>An Orleans client that names the gateway itself: it needs no access to the membership table.</summary>
    public static async Task<IHost> ConnectAsync(int port, string clusterId)
    {
        var client = new HostBuilder()
            .UseOrleansClient(orleans =>
            {
                orleans.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = "collab";
                });
                // No database access: the outsider names the gateway itself.
                orleans.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port));
                orleans.Services.AddSerializer(s => s.AddCollabSerialization());
            })
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await client.StartAsync(timeout.Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A partnership proposed the legitimate way, by an official of Klaten with a token.</summary>
    public static async Task<string> ProposeThroughTheApiAsync(SecureHost host)
    {
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        var partnerships = new PartnershipService.PartnershipServiceClient(channel);
        var token = TestSigningKey.Token(new Principal("official:ID-33.10", Role.RegionOfficial, "ID-33.10"));
        var response = await partnerships.ProposePartnershipAsync(
            new ProposePartnershipRequest
            {
                RequestId = Guid.NewGuid().ToString("N"),
                Kind = Contracts.V1.PartnershipKind.FriendshipExchange,
                Title = "Klaten – Nanjing County friendship exchange",
                LocalRegionId = "ID-33.10",
                Counterpart = new Contracts.V1.Counterpart { ForeignRegionId = "CN-350627" },
                InitialStage = Contracts.V1.PartnershipStage.Exploration,
            },
            new Metadata { { "authorization", $"Bearer {token}" } },
            deadline: DateTime.UtcNow.AddSeconds(30));
        return response.Partnership.Id;
    }
}
