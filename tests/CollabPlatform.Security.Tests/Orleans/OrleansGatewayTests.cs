using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Regions;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Security.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using DomainCounterpart = CollabPlatform.Domain.Partnerships.Counterpart;
using DomainKind = CollabPlatform.Domain.Partnerships.PartnershipKind;
using DomainStage = CollabPlatform.Domain.Partnerships.PartnershipStage;

namespace CollabPlatform.Security.Tests.Orleans;

/// <summary>
/// An outsider who reaches the Host's machine and knows its cluster and service ids (they are in the
/// Kubernetes manifests) connects an Orleans client to every port the Host listens on besides the
/// API's, and tries to read and change a partnership with the principals it claims.
/// </summary>
public sealed class OrleansGatewayTests
{
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DefaultHost_OrleansClientOnEveryOtherPort_CanNeitherReadNorChangeAPartnership()
    {
        var clusterId = $"gate-{Guid.NewGuid().ToString("N")[..8]}";
        await using var host = await SecureHost.StartAsync("orleans-gate", new Dictionary<string, string> { ["Collab:Orleans:ClusterId"] = clusterId });
        var partnershipId = await OrleansAttacks.ProposeThroughTheApiAsync(host);
        var ports = ListeningPorts.Of(host.Process.Id);
        ports.ExceptWith([host.GrpcAddress.Port, host.HttpAddress.Port]);

        var breaches = new List<string>();
        foreach (var port in ports.Order())
        {
            breaches.AddRange(await AttackAsync(port, clusterId, partnershipId));
        }

        Assert.Contains(host.Process.SiloPort, ports);
        Assert.True(breaches.Count == 0, $"an Orleans client got through: {string.Join("; ", breaches)}");
    }

    [Fact]
    public async Task GatewayOpened_ClientClaimingTheSystemRole_IsRefused()
    {
        var clusterId = $"gate-{Guid.NewGuid().ToString("N")[..8]}";
        var gatewayPort = HostProcess.FreePort();
        await using var host = await SecureHost.StartAsync("orleans-sys", new Dictionary<string, string>
        {
            ["Collab:Orleans:ClusterId"] = clusterId,
            ["Collab:Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var partnershipId = await OrleansAttacks.ProposeThroughTheApiAsync(host);
        using var client = await OrleansAttacks.ConnectAsync(gatewayPort, clusterId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var system = Principal.System("system:deadlines");
        var before = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId)).GetAsync();

        var advance = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId))
            .ExecuteAsync(new AdvanceStage(DomainStage.CentralReview), new CommandMetadata(system.Subject, Principal: system));
        var freshId = NewId();
        var propose = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(freshId))
            .ExecuteAsync(Proposal(freshId), new CommandMetadata(system.Subject, Principal: system));
        var timer = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId))
            .ExecuteAsync(new CheckDeadlines(), new CommandMetadata(system.Subject, Principal: system));

        Assert.False(advance.IsAccepted, "AdvanceStage with a system principal from the wire was accepted");
        Assert.Equal(Domain.Common.RejectionKind.RoleNotAllowed, advance.Rejection!.Kind);
        Assert.False(propose.IsAccepted, "ProposePartnership with a system principal from the wire was accepted");
        Assert.False(timer.IsAccepted, "CheckDeadlines with a system principal from the wire was accepted");
        var after = await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId)).GetAsync();
        Assert.Equal(before!.Events.Length, after!.Events.Length);
        Assert.Null(await grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(freshId)).GetAsync());
    }

    /// <summary>What the outsider achieved through <paramref name="port"/>; nothing when it could not connect.</summary>
    private static async Task<IReadOnlyList<string>> AttackAsync(int port, string clusterId, string partnershipId)
    {
        IHost client;
        try
        {
            client = await OrleansAttacks.ConnectAsync(port, clusterId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Refused, reset or not an Orleans gateway: the door is shut.
            return [];
        }

        var breaches = new List<string> { $"port {port} accepted an Orleans client" };
        using (client)
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var known = grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId));
            if (await TryAsync(() => known.GetAsync()) is { } snapshot)
            {
                breaches.Add($"port {port}: GetAsync read {partnershipId} ({snapshot.Events.Length} events)");
            }

            var admin = new Principal("admin:intruder", Role.Admin, null);
            var system = Principal.System("system:intruder");
            foreach (var principal in new[] { system, admin })
            {
                var advanced = await TryAsync(() => known.ExecuteAsync(new AdvanceStage(DomainStage.LetterOfIntent), new CommandMetadata(principal.Subject, Principal: principal)));
                if (advanced?.IsAccepted == true)
                {
                    breaches.Add($"port {port}: {RoleNames.Of(principal.Role)} advanced {partnershipId}");
                }

                var freshId = NewId();
                var proposed = await TryAsync(() => grains.GetGrain<IPartnershipGrain>(GrainKeys.Partnership(freshId))
                    .ExecuteAsync(Proposal(freshId), new CommandMetadata(principal.Subject, Principal: principal)));
                if (proposed?.IsAccepted == true)
                {
                    breaches.Add($"port {port}: {RoleNames.Of(principal.Role)} proposed {freshId}");
                }
            }
        }

        return breaches;
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().WaitAsync(AttemptLimit);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return default;
        }
    }

    private static string NewId() => $"P-GATE{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    private static ProposePartnership Proposal(string id) => new()
    {
        PartnershipId = id,
        Kind = DomainKind.FriendshipExchange,
        Title = "An intruder's partnership",
        LocalRegion = RegionId.Parse("ID-33.10"),
        Counterpart = DomainCounterpart.OfRegion(RegionId.Parse("CN-350627")),
        InitialStage = DomainStage.Exploration,
    };
}
