using System.CommandLine;
using CollabPlatform.Api.Identity;

namespace CollabPlatform.Cli.Client;

/// <summary>The options every command that calls the API shares: where, with which token, and how to print.</summary>
internal sealed class ClientOptions
{
    /// <summary>Address of the gRPC endpoint when neither <c>--address</c> nor <c>COLLAB_ADDRESS</c> says otherwise.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5080";

    public Option<string> Address { get; } = new("--address")
    {
        Description = $"gRPC address of the CollabPlatform API (env COLLAB_ADDRESS; default {DefaultAddress})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_ADDRESS") is { Length: > 0 } address ? address : DefaultAddress,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "bearer token (JWT) to send (env COLLAB_TOKEN); without one, tokens are minted from the development key (--key-file)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_TOKEN") is { Length: > 0 } token ? token : null,
    };

    public Option<string> Actor { get; } = new("--actor")
    {
        Description = "who minted tokens act as (env COLLAB_ACTOR; default cli, an admin): official:<region> acts as that region's official, e.g. official:ID-33.10",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_ACTOR") is { Length: > 0 } actor ? actor : ClientCredentials.DefaultPrincipal.Subject,
    };

    public TokenSettings Settings { get; } = new();

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "text or json",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public void AddTo(Command command)
    {
        command.Add(Address);
        command.Add(Token);
        command.Add(Actor);
        Settings.AddTo(command);
        command.Add(Output);
    }

    /// <summary>The address as an absolute http(s) URI, or null with the reason.</summary>
    public Uri? ParseAddress(ParseResult parseResult, out string? problem)
    {
        var text = parseResult.GetValue(Address) ?? DefaultAddress;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            problem = null;
            return uri;
        }

        problem = $"error: --address '{text}' is not an http:// or https:// address, e.g. {DefaultAddress}";
        return null;
    }

    /// <summary>The given token, else tokens minted from the development key; null with the reason when there is neither.</summary>
    public ClientCredentials? Credentials(ParseResult parseResult, out string? problem)
    {
        if (parseResult.GetValue(Token) is { Length: > 0 } token)
        {
            problem = null;
            return ClientCredentials.Fixed(token.Trim());
        }

        var actor = parseResult.GetValue(Actor) ?? ClientCredentials.DefaultPrincipal.Subject;
        if (ClientCredentials.ActorPrincipal(actor) is not { } self)
        {
            problem = $"error: --actor '{actor}' is not a name of 1 to {TokenClaims.MaxSubjectLength} printable characters";
            return null;
        }

        if (Settings.LoadKey(parseResult, out problem) is not { } key)
        {
            problem += "; or pass a token with --token (env COLLAB_TOKEN)";
            return null;
        }

        return ClientCredentials.Minted(key, parseResult.GetValue(Settings.Issuer)!, parseResult.GetValue(Settings.Audience)!, self);
    }
}
