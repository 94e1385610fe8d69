using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>
/// Opaque keyset page tokens: the sort key of the last row served, bound to the filters it was
/// served under and guarded by a checksum. A token is only ever parsed back into query parameters,
/// so a forged one can at worst start a page elsewhere; the checksum exists to turn a truncated,
/// mistyped or edited token into a clear INVALID_ARGUMENT instead of a silently wrong page.
/// </summary>
public static class PageToken
{
    /// <summary>Longer tokens are refused before decoding; ours stay well under it.</summary>
    public const int MaxLength = 1024;

    private const byte Version = 1;
    private const char Separator = '\u001f';
    private const int DigestLength = 8;
    private static readonly byte[] Salt = "collab.v1/page-token"u8.ToArray();

    /// <summary>A token that resumes after <paramref name="key"/> under the filters named by <paramref name="filterKey"/>.</summary>
    public static string Encode(string filterKey, IReadOnlyList<string> key)
    {
        ArgumentNullException.ThrowIfNull(filterKey);
        ArgumentNullException.ThrowIfNull(key);
        var text = string.Join(Separator, key.Prepend(FilterDigest(filterKey)));
        var payload = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[1 + payload.Length + DigestLength];
        bytes[0] = Version;
        payload.CopyTo(bytes, 1);
        Checksum(bytes.AsSpan(0, 1 + payload.Length)).CopyTo(bytes.AsSpan(1 + payload.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Reads a token back. An empty token is the first page (<paramref name="key"/> null). False,
    /// with a message for people, when the token is not one this server issued for these filters.
    /// </summary>
    public static bool TryDecode(string? token, string filterKey, int keyParts, out IReadOnlyList<string>? key, out string? error)
    {
        ArgumentNullException.ThrowIfNull(filterKey);
        key = null;
        error = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        const string NotOurs = "page_token is not a token this server issued; pass next_page_token from the previous response unchanged, or leave it empty for the first page";
        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            error = NotOurs;
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < 1 + DigestLength || bytes[0] != Version
            || !Checksum(bytes.AsSpan(0, bytes.Length - DigestLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - DigestLength)))
        {
            error = NotOurs;
            return false;
        }

        string[] parts;
        try
        {
            parts = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 1, bytes.Length - 1 - DigestLength).Split(Separator);
        }
        catch (DecoderFallbackException)
        {
            error = NotOurs;
            return false;
        }

        if (parts.Length != keyParts + 1)
        {
            error = NotOurs;
            return false;
        }

        if (parts[0] != FilterDigest(filterKey))
        {
            error = "page_token was issued to another caller or for a list with other filters; repeat the first call's filters with your own token, or leave page_token empty to start again";
            return false;
        }

        key = parts[1..];
        return true;
    }

    private static string FilterDigest(string filterKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filterKey)).AsSpan(0, 6));

    private static byte[] Checksum(ReadOnlySpan<byte> content)
    {
        var data = new byte[Salt.Length + content.Length];
        Salt.CopyTo(data, 0);
        content.CopyTo(data.AsSpan(Salt.Length));
        return SHA256.HashData(data)[..DigestLength];
    }
}
