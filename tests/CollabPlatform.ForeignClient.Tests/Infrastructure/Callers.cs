using CollabPlatform.EndToEnd.Tests.Infrastructure;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>The callers of the contract tests, as bearer-token metadata (README "Authentication").</summary>
public static class Callers
{
    /// <summary>The admin: global, hears NOT_FOUND.</summary>
    public static readonly string Admin = TestSigningKey.Token("admin:foreign", "admin", null);

    /// <summary>An official of Klaten (ID-33.10).</summary>
    public static readonly string Klaten = TestSigningKey.Token("official:ID-33.10", "region-official", "ID-33.10");

    /// <summary>An official of Surakarta (ID-33.72), a neighbour of Klaten in Jawa Tengah.</summary>
    public static readonly string Surakarta = TestSigningKey.Token("official:ID-33.72", "region-official", "ID-33.72");

    /// <summary>Jawa Tengah's facilitator (ID-33).</summary>
    public static readonly string JawaTengah = TestSigningKey.Token("facilitator:ID-33", "facilitator", "ID-33");

    /// <summary>An auditor of the whole country.</summary>
    public static readonly string Auditor = TestSigningKey.Token("auditor:foreign", "auditor", "MINISTRY-ID");

    /// <summary>The name of a token of this class, for test names.</summary>
    public static string NameOf(string token) =>
        token == Admin ? "admin" : token == Klaten ? "Klaten" : token == Surakarta ? "Surakarta" : token == JawaTengah ? "Jawa Tengah" : token == Auditor ? "auditor" : "someone";

    /// <summary>Call options carrying <paramref name="token"/>, with a bounded deadline.</summary>
    public static CallOptions As(string token) =>
        new(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(30));
}
