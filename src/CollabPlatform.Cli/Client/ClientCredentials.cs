using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Cli.Client;

/// <summary>
/// The bearer tokens a client sends: one given token (<c>--token</c>, env <c>COLLAB_TOKEN</c>), or
/// tokens minted on the spot from the Host's development key, for whoever the client acts as.
/// </summary>
internal abstract class ClientCredentials
{
    /// <summary>Lifetime of the tokens the client mints for itself.</summary>
    public static readonly TimeSpan MintedLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Who the client acts as when it mints and nobody else is named: the operator's own CLI.</summary>
    public static readonly Principal DefaultPrincipal = new("cli", Role.Admin, null);

    /// <summary>True when the client can act as someone else (<see cref="CollabClient.As"/>).</summary>
    public abstract bool CanMint { get; }

    /// <summary>The token of a call made as <paramref name="principal"/> (null: the client's own identity).</summary>
    public abstract string TokenFor(Principal? principal);

    /// <summary>A given token, sent as it is.</summary>
    public static ClientCredentials Fixed(string token) => new FixedToken(token);

    /// <summary>Tokens minted with the development key, acting as <paramref name="self"/> unless told otherwise.</summary>
    public static ClientCredentials Minted(DevelopmentSigningKey key, string issuer, string audience, Principal? self = null, TimeProvider? time = null) =>
        new MintedTokens(key, issuer, audience, self ?? DefaultPrincipal, time ?? TimeProvider.System);

    /// <summary>
    /// Who <c>--actor</c> names: <c>official:&lt;region&gt;</c> is that region's official, any other
    /// name the admin under that name.
    /// </summary>
    public static Principal? ActorPrincipal(string actor)
    {
        const string Official = "official:";
        if (actor.StartsWith(Official, StringComparison.Ordinal)
            && Domain.Regions.RegionId.TryParse(actor[Official.Length..], out var region, out _)
            && Domain.Regions.RegionCatalog.Default.Contains(region))
        {
            return new Principal(actor, Role.RegionOfficial, region.ToString());
        }

        return TokenClaims.IsValidSubject(actor) ? new Principal(actor, Role.Admin, null) : null;
    }

    private sealed class FixedToken(string token) : ClientCredentials
    {
        public override bool CanMint => false;

        public override string TokenFor(Principal? principal) => token;
    }

    private sealed class MintedTokens(DevelopmentSigningKey key, string issuer, string audience, Principal self, TimeProvider time) : ClientCredentials
    {
        private readonly Dictionary<Principal, (string Token, DateTimeOffset Renew)> _cache = [];

        public override bool CanMint => true;

        public override string TokenFor(Principal? principal)
        {
            var who = principal ?? self;
            var now = time.GetUtcNow();
            lock (_cache)
            {
                if (_cache.TryGetValue(who, out var cached) && now < cached.Renew)
                {
                    return cached.Token;
                }

                var token = TokenIssuer.Issue(key.SigningCredentials, issuer, audience, who, now, MintedLifetime);
                _cache[who] = (token, now + MintedLifetime / 2);
                return token;
            }
        }
    }
}
