namespace CollabPlatform.Api.Identity;

/// <summary>
/// How tokens are checked (section <c>Collab:Auth</c>). With <see cref="SigningKeys"/> configured the
/// Host accepts tokens signed by any of them (several keys for rotation, told apart by their key
/// id). With none, and <see cref="DevelopmentKey"/> not false, it uses a development key that it
/// creates once in <see cref="DevelopmentKeyFile"/>, from which <c>collab token</c> mints tokens.
/// </summary>
public sealed class CollabAuthOptions
{
    public const string Section = "Collab:Auth";

    public const string DefaultIssuer = "collab-platform";

    public const string DefaultAudience = "collab-api";

    /// <summary>The name of the development key file in the Host's data folder.</summary>
    public const string DevelopmentKeyFileName = "dev-signing-key.json";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest token lifetime (<c>exp − iat</c>) accepted; longer-lived tokens are refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TokenValidator.DefaultMaxLifetime;

    /// <summary>How many accepted tokens are remembered (each for at most five minutes) to spare their signature check.</summary>
    public int TokenCacheCapacity { get; set; } = TokenValidator.DefaultCacheCapacity;

    /// <summary>Keys that verify token signatures; a token names its key with <c>kid</c>.</summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>
    /// Whether to use (and create) the development key: unset means "when no signing keys are
    /// configured"; false makes missing keys a start-up error (production). The Host refuses to
    /// start with it unless <c>Collab:Api:ListenAddress</c> is a loopback address.
    /// </summary>
    public bool? DevelopmentKey { get; set; }

    /// <summary>
    /// Where the development key lives; unset means <c>dev-signing-key.json</c> in the Host's data
    /// folder. An existing file must have mode 0600 and belong to the Host's OS user.
    /// </summary>
    public string? DevelopmentKeyFile { get; set; }

    /// <summary>True when the development key is in use.</summary>
    public bool UsesDevelopmentKey => DevelopmentKey ?? SigningKeys.Count == 0;
}
