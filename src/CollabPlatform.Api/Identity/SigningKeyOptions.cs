namespace CollabPlatform.Api.Identity;

/// <summary>
/// One key that verifies token signatures: a public key (RSA or EC, PEM) for tokens from an
/// identity provider (RS256, PS256, ES256, ...), or a shared secret (HS256). Exactly one of
/// <see cref="PublicKey"/>, <see cref="PublicKeyFile"/> and <see cref="SharedSecret"/> is set.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>The <c>kid</c> of the tokens this key signs.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>A PEM public key (<c>-----BEGIN PUBLIC KEY-----</c>), or its base64 body on one line.</summary>
    public string? PublicKey { get; set; }

    /// <summary>A file holding a PEM public key.</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>A shared secret, base64, of at least 32 bytes.</summary>
    public string? SharedSecret { get; set; }
}
