using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Host.Hosting;
using CollabPlatform.Security.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Orleans;

/// <summary>Mutual TLS on the silo's connections: peers it trusts, settings it refuses, and a Host that runs with it.</summary>
public sealed class OrleansTlsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"collab-tls-{Guid.NewGuid():N}");

    [Fact]
    public async Task Host_WithSelfSignedCertificate_FormsAClusterOfTwoAndRefusesAClientWithoutOne()
    {
        var (certificate, key) = TestCertificates.WritePem(TestCertificates.SelfSigned("collab-host"), _directory);
        var clusterId = $"tls-{Guid.NewGuid().ToString("N")[..8]}";
        var gatewayPort = HostProcess.FreePort();
        var tls = new Dictionary<string, string>
        {
            ["Collab:Orleans:ClusterId"] = clusterId,
            ["Collab:Orleans:Tls:CertificatePath"] = certificate,
            ["Collab:Orleans:Tls:KeyPath"] = key,
            ["Collab:Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        await using var first = await SecureHost.StartAsync("orleans-tls", tls);
        // A second replica on the same database: it joins only if the TLS handshake with the first succeeds.
        await using var second = await HostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Collab"] = first.ConnectionString,
                ["Collab:Orleans:ClusterId"] = clusterId,
                ["Collab:Orleans:Tls:CertificatePath"] = certificate,
                ["Collab:Orleans:Tls:KeyPath"] = key,
                ["Collab:Api:ListenAddress"] = "127.0.0.1",
                ["Collab:Api:GrpcPort"] = "0",
                ["Collab:Api:HttpPort"] = "0",
            },
            readyWithin: TimeSpan.FromSeconds(120));

        var partnership = await OrleansAttacks.ProposeThroughTheApiAsync(first);
        var members = await ActiveSilosAsync(first.ConnectionString, clusterId);
        var plain = await Record.ExceptionAsync(() => OrleansAttacks.ConnectAsync(gatewayPort, clusterId));

        Assert.StartsWith("P-", partnership, StringComparison.Ordinal);
        Assert.Equal(2, members);
        Assert.True(plain is not null, "an Orleans client without a certificate connected to a gateway that requires TLS");
    }

    [Fact]
    public void IsTrusted_WithoutAuthority_OnlyTheReplicasOwnCertificate()
    {
        using var own = TestCertificates.SelfSigned("collab-host");
        using var same = X509CertificateLoader.LoadCertificate(own.RawData);
        using var stranger = TestCertificates.SelfSigned("collab-host");

        Assert.True(OrleansTls.IsTrusted(same, own, authorities: null));
        Assert.False(OrleansTls.IsTrusted(stranger, own, authorities: null));
    }

    [Fact]
    public void IsTrusted_WithAuthority_CertificatesItIssuedOnly()
    {
        using var authority = TestCertificates.Authority("collab-ca");
        using var otherAuthority = TestCertificates.Authority("collab-ca");
        using var own = TestCertificates.IssuedBy(authority, "collab-host-0");
        using var peer = TestCertificates.IssuedBy(authority, "collab-host-1");
        using var foreign = TestCertificates.IssuedBy(otherAuthority, "collab-host-1");
        using var selfSigned = TestCertificates.SelfSigned("collab-host-1");
        var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(authority.RawData));

        Assert.True(OrleansTls.IsTrusted(peer, own, trusted));
        Assert.False(OrleansTls.IsTrusted(foreign, own, trusted));
        Assert.False(OrleansTls.IsTrusted(selfSigned, own, trusted));
    }

    [Fact]
    public void Validate_MissingFilesOrAKeyWithoutCertificate_NamesTheKey()
    {
        var validator = new OrleansTlsOptionsValidator();

        var missing = validator.Validate(null, new OrleansTlsOptions { CertificatePath = Path.Combine(_directory, "none.crt"), KeyPath = Path.Combine(_directory, "none.key") });
        var keyOnly = validator.Validate(null, new OrleansTlsOptions { KeyPath = "/etc/tls/tls.key" });
        var off = validator.Validate(null, new OrleansTlsOptions());

        Assert.True(missing.Failed);
        Assert.Contains("Collab:Orleans:Tls:CertificatePath", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Collab:Orleans:Tls:KeyPath", missing.FailureMessage, StringComparison.Ordinal);
        Assert.True(keyOnly.Failed);
        Assert.Contains("CertificatePath is not set", keyOnly.FailureMessage, StringComparison.Ordinal);
        Assert.True(off.Succeeded);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<int> ActiveSilosAsync(string connectionString, string clusterId)
    {
        // 3 is Orleans' SiloStatus.Active.
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3");
        command.Parameters.Add(new() { Value = clusterId });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
