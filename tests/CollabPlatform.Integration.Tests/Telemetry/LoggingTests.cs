using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Integration.Tests.Api;
using Npgsql;
using ApiRequestIds = CollabPlatform.Api.Idempotency.RequestIds;

namespace CollabPlatform.Integration.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class LoggingTests(TelemetryFixture fixture)
{
    [Fact]
    public async Task OneCall_ItsConsoleLinesAndExportedLogRecords_CarryItsTraceId()
    {
        const string actor = "official:ID-33.10";
        var request = ApiRequests.KlatenNanjing();
        var grainId = GrainId.Create("partnership", GrainKeys.Partnership(ApiRequestIds.PartnershipId(actor, request.RequestId)));
        using (var api = TelemetryFixture.Connect(fixture.A, actor))
        {
            await api.Client.Partnerships.ProposePartnershipAsync(request);
        }

        var trace = await fixture.WaitForTraceOfCommandAsync(grainId);
        var gateway = trace.Single(s => s.ParentSpanId == default);
        var lines = await WaitForLinesAsync($"TraceId:{gateway.TraceId}", "Request finished");
        var records = fixture.Logs.Snapshot().Where(r => r.TraceId == gateway.TraceId).ToList();

        // The request's own lines, as the console prints them, name its trace and the gateway span.
        var path = "/collab.v1.PartnershipService/ProposePartnership";
        Assert.Contains(lines, l => l.Contains("Request starting HTTP/2 POST", StringComparison.Ordinal) && l.Contains(path, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Request finished HTTP/2 POST", StringComparison.Ordinal) && l.Contains(path, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Grpc.AspNetCore.Server", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal)), l => Assert.Contains($"SpanId:{gateway.SpanId}", l, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.SpanId == gateway.SpanId && r.Message.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartUpAndCalls_LogNoDatabasePassword_InLinesLogRecordsOrSpans()
    {
        using (var api = TelemetryFixture.Connect(fixture.A, "official:ID-33.10"))
        {
            await api.Client.Partnerships.ProposePartnershipAsync(ApiRequests.KlatenNanjing());
        }

        var password = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Password;
        var lines = fixture.ConsoleLines.Lines.Snapshot();
        var records = fixture.Logs.Snapshot();
        var tags = fixture.Spans.Snapshot().SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();

        Assert.False(string.IsNullOrEmpty(password));
        // The cases that exist: the silo's start-up names its storage's connection string, and
        // every database span names its data source.
        Assert.Contains(lines, l => l.Contains("ConnectionString=", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.Contains("Username=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(tags, t => t.Contains(password, StringComparison.Ordinal));
    }

    private async Task<List<string>> WaitForLinesAsync(string marker, string last)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = fixture.ConsoleLines.Lines.Snapshot().Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
            if (lines.Any(l => l.Contains(last, StringComparison.Ordinal)))
            {
                return lines;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no line with {marker} said '{last}' within 10 s");
            }

            await Task.Delay(50);
        }
    }
}
