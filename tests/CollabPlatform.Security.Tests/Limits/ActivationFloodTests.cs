using CollabPlatform.Api.Idempotency;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Amplification;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CollabPlatform.Security.Tests.Limits;

/// <summary>
/// Reading ids that name nothing must not leave grain activations behind: ids are free to guess,
/// so otherwise every guess would hold a grain in memory until idle collection, many minutes later.
/// </summary>
public sealed class ActivationFloodTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Guesses = 200;

    private static readonly StatusCode[] Refusals = [StatusCode.NotFound, StatusCode.PermissionDenied];

    private SecureHost _host = null!;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("activations", HostMetrics.Settings);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetOfUnknownIds_LeavesNoActivations()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        var partnerships = new PartnershipService.PartnershipServiceClient(channel);
        var programs = new JointProgramService.JointProgramServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + TestSigningKey.Token(new Principal("ministry-activations", Role.Ministry, "MINISTRY-ID")) } };
        var before = await HostMetrics.ScrapeAsync(_host.ManagementAddress, timeout.Token);

        for (var i = 0; i < Guesses / 2; i++)
        {
            var guess = Guid.NewGuid().ToString("N");
            var partnership = await Assert.ThrowsAsync<RpcException>(() => partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = RequestIds.PartnershipId("flood", guess) }, headers, cancellationToken: timeout.Token).ResponseAsync);
            var program = await Assert.ThrowsAsync<RpcException>(() => programs.GetJointProgramAsync(new GetJointProgramRequest { JointProgramId = "JP" + RequestIds.PartnershipId("flood", guess)[1..] }, headers, cancellationToken: timeout.Token).ResponseAsync);
            // An id that names nothing is NOT_FOUND, or PERMISSION_DENIED where existence is hidden.
            Assert.Contains(partnership.StatusCode, Refusals);
            Assert.Contains(program.StatusCode, Refusals);
        }

        // Deactivation follows the call; wait, bounded, for the gauge to show it.
        var after = await HostMetrics.ScrapeAsync(_host.ManagementAddress, timeout.Token);
        for (var attempt = 0; attempt < 20 && after.Activations - before.Activations >= Guesses / 10; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            after = await HostMetrics.ScrapeAsync(_host.ManagementAddress, timeout.Token);
        }

        output.WriteLine($"activations {before.Activations} → {after.Activations} after {Guesses} reads of unknown ids");
        Assert.True(
            after.Activations - before.Activations < Guesses / 10,
            $"phase 'after the guesses': activations grew from {before.Activations} to {after.Activations} for {Guesses} reads of ids that name nothing");
    }
}
