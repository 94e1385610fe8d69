using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace CollabPlatform.Api.Idempotency;

/// <summary>
/// Ids the server assigns and the fingerprint of a request, all derived from the client's
/// <c>request_id</c>. A retry (after a timeout, a lost answer or a Host restart) therefore addresses
/// the same grain and the same document or meeting, where the grain finds the request in its
/// durable history and returns the first result instead of acting twice.
/// </summary>
public static class RequestIds
{
    private const int IdChars = 16;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary><c>P-</c> and 16 base32 characters of SHA-256 over the actor and the request id.</summary>
    public static string PartnershipId(string actor, string requestId) => "P-" + Derive(actor, requestId);

    /// <summary><c>JP-</c> and 16 base32 characters of SHA-256 over the actor and the request id.</summary>
    public static string ProgramId(string actor, string requestId) => "JP-" + Derive(actor, requestId);

    /// <summary>A document id, unique within its partnership.</summary>
    public static string DocumentId(string actor, string requestId) => "D-" + Derive(actor, requestId);

    /// <summary>A meeting id, unique within its partnership.</summary>
    public static string MeetingId(string actor, string requestId) => "M-" + Derive(actor, requestId);

    /// <summary>A report id, unique within its programme.</summary>
    public static string ReportId(string actor, string requestId) => "R-" + Derive(actor, requestId);

    /// <summary>An evaluation id, unique within its programme.</summary>
    public static string EvaluationId(string actor, string requestId) => "E-" + Derive(actor, requestId);

    /// <summary>
    /// Hex SHA-256 of the request serialized without its <c>request_id</c> and <c>expected_version</c>:
    /// what the change is, so that a request id reused for another change is recognised and refused.
    /// </summary>
    public static string Hash(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        foreach (var name in new[] { "request_id", "expected_version" })
        {
            request.Descriptor.FindFieldByName(name)?.Accessor.Clear(copy);
        }

        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    private static string Derive(string actor, string requestId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requestId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(actor + "\n" + requestId));
        return Base32(hash)[..IdChars];
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
