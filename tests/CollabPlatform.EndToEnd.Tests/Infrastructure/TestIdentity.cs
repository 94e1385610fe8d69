using CollabPlatform.Api.Identity;
using CollabPlatform.Cli.Client;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The one place this assembly's callers get their identity: a signing key of the test run (also
/// written as a development key file, for the CLI), the Host settings that trust it, and tokens
/// minted with it. Every Host of these tests is started with <see cref="HostSettings"/> and every
/// client calls with <see cref="Credentials"/>.
/// </summary>
public static class TestIdentity
{
    /// <summary>The key's file in the development key format, for <c>--key-file</c>.</summary>
    public static string KeyFile => TestSigningKey.KeyFile;

    /// <summary>Host settings that accept this run's tokens (and no development key).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => TestSigningKey.HostSettings;

    /// <summary>Tokens minted with this run's key; the client acts as the admin <c>cli</c> unless told otherwise.</summary>
    internal static ClientCredentials Credentials { get; } = ClientCredentials.Minted(TestSigningKey.Key, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience);

    /// <summary>Tokens minted with this run's key, acting as <paramref name="actor"/> (see <see cref="ClientCredentials.ActorPrincipal"/>).</summary>
    internal static ClientCredentials CredentialsOf(string actor) =>
        ClientCredentials.Minted(TestSigningKey.Key, CollabAuthOptions.DefaultIssuer, CollabAuthOptions.DefaultAudience, ClientCredentials.ActorPrincipal(actor));

    /// <summary>A region's official, named <c>official:&lt;region&gt;</c> like the stories' actors.</summary>
    public static Principal Official(string region) => new($"official:{region}", Role.RegionOfficial, region);

    /// <summary>A token for <paramref name="principal"/>.</summary>
    public static string Token(Principal principal) => Credentials.TokenFor(principal);
}
