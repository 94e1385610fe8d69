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
            return "SharedSecret is not base64";
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return "the public key is not a PEM RSA or EC public key (-----BEGIN PUBLIC KEY-----)";
        }
    }

    /// <summary>An RSA or EC public key from PEM, with its key id.</summary>
    public static SecurityKey FromPublicPem(string pem, string keyId)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa) { KeyId = keyId };
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec) { KeyId = keyId };
    }
}
