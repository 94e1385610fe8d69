using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// The development signing key (ES256): created once by the Host in its data folder, readable only
/// by the Host's OS user, and read by <c>collab token</c> and the other CLI commands to mint tokens
/// the Host accepts. Whoever can read the file can act as anyone: it is for one machine, never for
/// a shared deployment (configure <c>Collab:Auth:SigningKeys</c> there).
/// </summary>
public sealed class DevelopmentSigningKey : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly ECDsa _key;

    private DevelopmentSigningKey(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    /// <summary>The <c>kid</c> of the tokens it signs: <c>dev-</c> and a thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>Verifies signatures.</summary>
    public SecurityKey VerificationKey => new ECDsaSecurityKey(_key) { KeyId = KeyId };

    /// <summary>Signs tokens.</summary>
    public SigningCredentials SigningCredentials => new(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);

    /// <summary>The public key as PEM, to configure a Host that should accept this key's tokens.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A new random key (not stored).</summary>
    public static DevelopmentSigningKey Create()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new DevelopmentSigningKey(key, "dev-" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16]);
    }

    /// <summary>Reads the key file.</summary>
    /// <exception cref="FileNotFoundException">No key file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a development key.</exception>
    public static DevelopmentSigningKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), Json);
        if (file is not { KeyId.Length: > 0, PrivateKey.Length: > 0 })
        {
            throw new InvalidDataException($"{path} is not a development signing key (expected keyId and privateKey)");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(file.PrivateKey);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{path} does not hold a PEM EC private key", ex);
        }

        return new DevelopmentSigningKey(key, file.KeyId);
    }

    /// <summary>
    /// The key in <paramref name="path"/>, created there first when there is none. Two Hosts that
    /// start at once agree on one key: the file is created exclusively, and the loser reads it.
    /// </summary>
    public static DevelopmentSigningKey LoadOrCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return Load(path);
        }

        var created = Create();
        try
        {
            created.Save(path);
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            created.Dispose();
            return Load(path);
        }
    }

    /// <summary>Writes the key to a new file that only the current OS user may read.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, new KeyFile(KeyId, "ES256", _key.ExportPkcs8PrivateKeyPem()), Json);
    }

    public void Dispose() => _key.Dispose();

    private sealed record KeyFile(string KeyId, string Algorithm, string PrivateKey);
}
