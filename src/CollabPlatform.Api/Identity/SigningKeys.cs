using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Identity;

/// <summary>Turns configured keys into the keys that verify signatures.</summary>
public static class SigningKeys
{
    /// <summary>The shortest shared secret accepted, in bytes (HS256 needs 256 bits).</summary>
    public const int MinSecretBytes = 32;

    /// <summary>The verification key of <paramref name="options"/>; throws when it cannot be read (the validator reports that first).</summary>
    public static SecurityKey Load(SigningKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SharedSecret))
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(options.SharedSecret)) { KeyId = options.KeyId };
        }

        var pem = !string.IsNullOrWhiteSpace(options.PublicKey) ? options.PublicKey : File.ReadAllText(options.PublicKeyFile!);
        return FromPublicPem(pem, options.KeyId);
    }

    /// <summary>What is wrong with the key, or null when it can be used.</summary>
    public static string? Describe(SigningKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (!string.IsNullOrWhiteSpace(options.SharedSecret))
            {
                var bytes = Convert.FromBase64String(options.SharedSecret);
                return bytes.Length < MinSecretBytes
                    ? $"SharedSecret has {bytes.Length} bytes; expected at least {MinSecretBytes} (base64 of random bytes, e.g. 'openssl rand -base64 32')"
                    : null;
            }

            if (!string.IsNullOrWhiteSpace(options.PublicKeyFile) && !File.Exists(options.PublicKeyFile))
            {
                return $"PublicKeyFile names {options.PublicKeyFile}, which does not exist; expected a PEM public key file";
            }

            Load(options);
            return null;
        }
        catch (FormatException)
        {
            return !string.IsNullOrWhiteSpace(options.SharedSecret)
                ? "SharedSecret is not base64"
                : "PublicKey is neither PEM nor the base64 of a DER public key";
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return "the public key is not a PEM RSA or EC public key (-----BEGIN PUBLIC KEY-----)";
        }
    }

    /// <summary>
    /// An RSA or EC public key with its key id, from PEM, or from the base64 of its DER
    /// SubjectPublicKeyInfo (the PEM body on one line, which fits an environment variable).
    /// </summary>
    public static SecurityKey FromPublicPem(string pem, string keyId)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var der = pem.Contains("-----BEGIN", StringComparison.Ordinal) ? null : Convert.FromBase64String(pem.Trim());
        var rsa = RSA.Create();
        try
        {
            Import(rsa, pem, der);
            return new RsaSecurityKey(rsa) { KeyId = keyId };
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        Import(ec, pem, der);
        return new ECDsaSecurityKey(ec) { KeyId = keyId };
    }

    private static void Import(AsymmetricAlgorithm key, string pem, byte[]? der)
    {
        if (der is null)
        {
            key.ImportFromPem(pem);
        }
        else
        {
            key.ImportSubjectPublicKeyInfo(der, out _);
        }
    }
}
