using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The silo's side of <see cref="OrleansTlsOptions"/>: its certificate, and which peers it trusts.
/// Host names are not checked: replicas reach each other by pod address, which no certificate names.
/// </summary>
public static class OrleansTls
{
    /// <summary>Configures mutual TLS on every silo connection when <paramref name="options"/> enable it.</summary>
    public static ISiloBuilder UseCollabTls(this ISiloBuilder silo, OrleansTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return silo;
        }

        var certificate = LoadCertificate(options);
        var authorities = string.IsNullOrWhiteSpace(options.AuthorityPath) ? null : LoadAuthorities(options.AuthorityPath);
        return silo.UseTls(tls =>
        {
            tls.LocalCertificate = certificate;
            // Both ends present a certificate: the silo accepts no connection from a process without one.
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (peer, _, _) => IsTrusted(peer, certificate, authorities);
        });
    }

    public static X509Certificate2 LoadCertificate(OrleansTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.CertificatePath ?? throw new InvalidOperationException($"{OrleansTlsOptions.Section}:CertificatePath is not set");
        var certificate = string.IsNullOrWhiteSpace(options.KeyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, options.Password)
            : X509Certificate2.CreateFromPemFile(path, options.KeyPath);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{OrleansTlsOptions.Section}:CertificatePath '{path}' holds no private key; give the key in KeyPath (PEM) or use a PKCS#12 file that includes it");
    }

    /// <summary>
    /// A peer is trusted when its certificate chains to one of <paramref name="authorities"/> (with
    /// them as the only roots), or, without authorities, when it is this replica's own certificate.
    /// </summary>
    public static bool IsTrusted(X509Certificate2 peer, X509Certificate2 own, X509Certificate2Collection? authorities)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(own);
        if (authorities is null)
        {
            return peer.RawDataMemory.Span.SequenceEqual(own.RawDataMemory.Span);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // Certificates of a private authority (cert-manager) carry no revocation endpoint; they are
        // revoked by rotating the Secret.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count > 0
            ? authorities
            : throw new InvalidOperationException($"{OrleansTlsOptions.Section}:AuthorityPath '{path}' holds no PEM certificate");
    }
}
