using System.CommandLine;
using CollabPlatform.Api.Identity;

namespace CollabPlatform.Cli.Client;

/// <summary>Where the development key is and what its tokens say: shared by <c>collab token</c> and the client commands.</summary>
internal sealed class TokenSettings
{
    /// <summary>The Host's default development key, relative to the working directory like the Host's data folder.</summary>
    public static readonly string DefaultKeyFile = Path.Combine(".pgdata", CollabAuthOptions.DevelopmentKeyFileName);

    public Option<string> KeyFile { get; } = new("--key-file")
    {
        Description = $"the Host's development signing key (env COLLAB_KEY_FILE; default {DefaultKeyFile}, where a Host started in this folder creates it)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_KEY_FILE") is { Length: > 0 } path ? path : DefaultKeyFile,
    };

    public Option<string> Issuer { get; } = new("--issuer")
    {
        Description = $"iss of minted tokens: the Host's Collab:Auth:Issuer (env Collab__Auth__Issuer; default {CollabAuthOptions.DefaultIssuer})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Collab__Auth__Issuer") is { Length: > 0 } issuer ? issuer : CollabAuthOptions.DefaultIssuer,
    };

    public Option<string> Audience { get; } = new("--audience")
    {
        Description = $"aud of minted tokens: the Host's Collab:Auth:Audience (env Collab__Auth__Audience; default {CollabAuthOptions.DefaultAudience})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Collab__Auth__Audience") is { Length: > 0 } audience ? audience : CollabAuthOptions.DefaultAudience,
    };

    public void AddTo(Command command)
    {
        command.Add(KeyFile);
        command.Add(Issuer);
        command.Add(Audience);
    }

    /// <summary>The development key, or null with the reason.</summary>
    public DevelopmentSigningKey? LoadKey(ParseResult parseResult, out string? problem)
    {
        var path = parseResult.GetValue(KeyFile) ?? DefaultKeyFile;
        try
        {
            problem = null;
            return DevelopmentSigningKey.Load(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"error: no development signing key at {Path.GetFullPath(path)}: start the Host in this folder first ('collab serve' creates it), or name it with --key-file (env COLLAB_KEY_FILE)";
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            problem = $"error: cannot read the development signing key {Path.GetFullPath(path)}: {ex.Message}";
        }

        return null;
    }
}
