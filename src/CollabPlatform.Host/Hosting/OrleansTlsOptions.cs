namespace CollabPlatform.Host.Hosting;

/// <summary>
/// Mutual TLS on the silo's connections (silo to silo, and the gateway when it is open). Off while
/// <see cref="CertificatePath"/> is unset; on, every replica presents its certificate and accepts a
/// peer only with a certificate it trusts, so that a process without one cannot join or call in.
/// </summary>
public sealed class OrleansTlsOptions
{
    public const string Section = CollabOrleansOptions.Section + ":Tls";

    /// <summary>
    /// The replica's certificate: a PEM file (with <see cref="KeyPath"/>; e.g. <c>tls.crt</c> of a
    /// <c>kubernetes.io/tls</c> Secret) or a PKCS#12 file (with <see cref="Password"/>, if any).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>, e.g. <c>tls.key</c>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 <see cref="CertificatePath"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// PEM certificates of the authorities whose certificates peers may present, e.g. <c>ca.crt</c>
    /// of a cert-manager Secret. Unset, a peer must present this replica's own certificate (one
    /// certificate shared by every replica of the deployment).
    /// </summary>
    public string? AuthorityPath { get; set; }

    /// <summary>True when TLS is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
