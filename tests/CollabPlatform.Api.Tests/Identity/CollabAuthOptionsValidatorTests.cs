using CollabPlatform.Api.Identity;

namespace CollabPlatform.Api.Tests.Identity;

public sealed class CollabAuthOptionsValidatorTests
{
    private static readonly CollabAuthOptionsValidator Validator = new();

    [Fact]
    public void Validate_NoKeysAndNoDevelopmentKey_FailsNamingTheSetting()
    {
        var result = Validator.Validate(null, new CollabAuthOptions { DevelopmentKey = false });

        Assert.True(result.Failed);
        Assert.Contains("Collab:Auth:SigningKeys is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RotatedKeys_PassAndDuplicateIdsOrShortSecretsFail()
    {
        using var a = DevelopmentSigningKey.Create();
        using var b = DevelopmentSigningKey.Create();
        var rotated = new CollabAuthOptions { SigningKeys = [new() { KeyId = "2025", PublicKey = a.PublicKeyPem }, new() { KeyId = "2026", PublicKey = b.PublicKeyPem }] };
        var duplicate = new CollabAuthOptions { SigningKeys = [new() { KeyId = "k", PublicKey = a.PublicKeyPem }, new() { KeyId = "k", PublicKey = b.PublicKeyPem }] };
        var shortSecret = new CollabAuthOptions { SigningKeys = [new() { KeyId = "hs", SharedSecret = Convert.ToBase64String(new byte[16]) }] };
        var twoSources = new CollabAuthOptions { SigningKeys = [new() { KeyId = "x", PublicKey = a.PublicKeyPem, SharedSecret = Convert.ToBase64String(new byte[32]) }] };

        Assert.True(Validator.Validate(null, rotated).Succeeded);
        Assert.False(rotated.UsesDevelopmentKey);
        Assert.Contains("used by another key", Validator.Validate(null, duplicate).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("at least 32", Validator.Validate(null, shortSecret).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("expected exactly one", Validator.Validate(null, twoSources).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PublicKeyAsOneLineOfBase64_IsTheSameKeyAsItsPem()
    {
        using var key = DevelopmentSigningKey.Create();
        var oneLine = string.Concat(key.PublicKeyPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        var options = new CollabAuthOptions { SigningKeys = [new() { KeyId = "k8s", PublicKey = oneLine }] };
        var signing = new Microsoft.IdentityModel.Tokens.SigningCredentials(
            new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(((Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)key.SigningCredentials.Key).ECDsa) { KeyId = "k8s" },
            Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256);
        var token = TokenIssuer.Issue(signing, "i", "a", new("admin", Domain.Access.Role.Admin, null), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var validator = new TokenValidator("i", "a", TimeSpan.Zero, [SigningKeys.Load(options.SigningKeys[0])], Domain.Regions.RegionCatalog.Default);

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.NotNull((await validator.ValidateAsync(token)).Principal);
        Assert.Contains("neither PEM", Validator.Validate(null, new CollabAuthOptions { SigningKeys = [new() { KeyId = "x", PublicKey = "!!" }] }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClockSkewOverFiveMinutes_Fails()
    {
        var result = Validator.Validate(null, new CollabAuthOptions { ClockSkew = TimeSpan.FromMinutes(10) });

        Assert.Contains("ClockSkew", result.FailureMessage, StringComparison.Ordinal);
    }
}
