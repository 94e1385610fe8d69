using CollabPlatform.Api.Configuration;
using CollabPlatform.Api.Identity;
using CollabPlatform.Domain.Regions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// JWT authentication of the API (docs/security.md): the options of <c>Collab:Auth</c>, the
/// keys that verify tokens (configured ones, or the development key created in the data folder),
/// and the validator the authentication interceptor uses.
/// </summary>
public static partial class AuthHostingExtensions
{
    public static IHostApplicationBuilder AddCollabAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CollabAuthOptions>().Bind(builder.Configuration.GetSection(CollabAuthOptions.Section)).ValidateOnStart();
        var dataDirectory = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataDirectory ?? new DatabaseOptions().DataDirectory;
        var listenAddress = builder.Configuration.GetSection(CollabApiOptions.Section).Get<CollabApiOptions>()?.ListenAddress ?? new CollabApiOptions().ListenAddress;
        builder.Services.AddSingleton<IValidateOptions<CollabAuthOptions>>(
            new CollabAuthOptionsValidator(listenAddress, options => DevelopmentKeyPath(options, dataDirectory)));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CollabAuthOptions>>().Value;
            var keys = new List<SecurityKey>(options.SigningKeys.Select(SigningKeys.Load));
            if (options.UsesDevelopmentKey)
            {
                var path = DevelopmentKeyPath(options, dataDirectory);
                var key = DevelopmentSigningKey.LoadOrCreate(path);
                keys.Add(key.VerificationKey);
                LogDevelopmentKey(sp.GetRequiredService<ILoggerFactory>().CreateLogger("CollabPlatform.Auth"), path, key.KeyId);
            }

            return new TokenValidator(
                options.Issuer,
                options.Audience,
                options.ClockSkew,
                keys,
                sp.GetRequiredService<RegionCatalog>(),
                options.MaxTokenLifetime,
                options.TokenCacheCapacity,
                sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });

        // Built at start-up, not at the first call: the development key must exist once the Host
        // runs, for `collab token`, and a key that cannot be read must stop the start.
        builder.Services.AddHostedService(sp => new KeysAtStart(sp.GetRequiredService<TokenValidator>()));
        return builder;
    }

    /// <summary>Where the development key is: <c>Collab:Auth:DevelopmentKeyFile</c>, else <c>dev-signing-key.json</c> in the data folder.</summary>
    public static string DevelopmentKeyPath(CollabAuthOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(options.DevelopmentKeyFile ?? Path.Combine(dataDirectory, CollabAuthOptions.DevelopmentKeyFileName));
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "No Collab:Auth:SigningKeys configured: accepting tokens of the development key {KeyId} in {Path} (mint them with 'collab token'); configure signing keys for any shared deployment")]
    private static partial void LogDevelopmentKey(ILogger logger, string path, string keyId);

    private sealed class KeysAtStart(TokenValidator validator) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(validator.Issuer);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
