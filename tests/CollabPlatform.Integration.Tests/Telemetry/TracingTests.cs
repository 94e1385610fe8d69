using System.Diagnostics;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Integration.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Diagnostics;
using Orleans.Runtime.Placement;
using Xunit.Abstractions;
using static CollabPlatform.Integration.Tests.Telemetry.TelemetryFixture;
using ApiRequestIds = CollabPlatform.Api.Idempotency.RequestIds;

namespace CollabPlatform.Integration.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TracingTests(TelemetryFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ProposePartnership_OnReplicaAForAGrainOnReplicaB_IsOneTraceFromTheGatewayThroughBothSilosToTheDatabase()
    {
        // Klaten – Nanjing County; its grain is placed on B before the one call that A serves.
        const string actor = "official:ID-33.10";
        var request = ApiRequests.KlatenNanjing();
        var partnershipId = ApiRequestIds.PartnershipId(actor, request.RequestId);
        var grainId = await ActivateOnAsync(fixture.B, partnershipId);
        Assert.Equal([SiloOf(fixture.B)], await SilosHostingAsync(grainId));

        using (var api = TelemetryFixture.Connect(fixture.A, actor))
        {
            var proposed = await api.Client.Partnerships.ProposePartnershipAsync(request);
            Assert.Equal(partnershipId, proposed.Partnership.Id);
        }

        var trace = await fixture.WaitForTraceOfCommandAsync(grainId);
        Print(trace);

        Assert.Equal([SiloOf(fixture.B)], await SilosHostingAsync(grainId));
        var gateway = Assert.Single(trace, s => s.ParentSpanId == default);
        Assert.Equal(("Microsoft.AspNetCore", ActivityKind.Server), (gateway.Source.Name, gateway.Kind));
        Assert.Equal("/collab.v1.PartnershipService/ProposePartnership", Tag(gateway, "url.path"));
        Assert.Equal(fixture.A.GrpcAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Tag(gateway, "server.port"));
        var grainSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server && Tag(s, "orleans.rpc.target_id") == grainId.ToString());
        Assert.Equal(ActivitySources.ApplicationGrainActivitySourceName, grainSpan.Source.Name);
        // The caller is the silo of A (its hosted client), the callee the only activation, on B.
        Assert.Equal($"sys.client/hosted-{SiloOf(fixture.A).ToParsableString()}", Tag(grainSpan, "orleans.rpc.source_id"));
        var outgoing = Assert.Single(trace, s => s.SpanId == grainSpan.ParentSpanId);
        Assert.Equal((ActivitySources.ApplicationGrainActivitySourceName, ActivityKind.Client), (outgoing.Source.Name, outgoing.Kind));
        Assert.Contains(gateway, AncestorsOf(outgoing, trace));
        var database = trace.Where(s => s.Source.Name == "Npgsql" && AncestorsOf(s, trace).Contains(grainSpan)).ToList();
        Assert.Contains(database, s => Tag(s, "db.query.text")?.StartsWith("INSERT INTO collab_ledger", StringComparison.Ordinal) == true);
    }

    /// <summary>Activates the grain of a partnership on the given replica (a placement hint, as migration uses).</summary>
    private static async Task<GrainId> ActivateOnAsync(ApiHost host, string partnershipId)
    {
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IPartnershipGrain>(GrainKeys.Partnership(partnershipId));
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloOf(host));
        try
        {
            // A refused command activates the grain and keeps it (a read of an unknown id would
            // deactivate it at once): a facilitator may change nothing.
            var refused = await grain.ExecuteAsync(
                new CollabPlatform.Domain.Partnerships.Commands.AdvanceStage(CollabPlatform.Domain.Partnerships.PartnershipStage.LetterOfIntent),
                new CommandMetadata("facilitator:ID-33", Principal: TestTokens.Facilitator("ID-33")));
            Assert.NotNull(refused.Rejection);
        }
        finally
        {
            RequestContext.Clear();
        }

        return grain.GetGrainId();
    }

    /// <summary>The silos with an activation of the grain, each asked about its own activations.</summary>
    private async Task<SiloAddress[]> SilosHostingAsync(GrainId grainId)
    {
        var management = fixture.A.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics(hostsIds: [SiloOf(fixture.A), SiloOf(fixture.B)]);
        return [.. statistics.Where(s => s.GrainId == grainId).Select(s => s.SiloAddress)];
    }

    private static SiloAddress SiloOf(ApiHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static IEnumerable<Activity> AncestorsOf(Activity span, IReadOnlyList<Activity> trace)
    {
        var current = span;
        while (trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId) is { } parent)
        {
            yield return parent;
            current = parent;
        }
    }

    private void Print(IReadOnlyList<Activity> trace)
    {
        foreach (var span in trace.OrderBy(s => s.StartTimeUtc))
        {
            output.WriteLine($"{span.SpanId} <- {span.ParentSpanId} {span.Source.Name} {span.Kind} {span.DisplayName} [{string.Join(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]");
        }
    }
}
