using System.CommandLine;

namespace CollabPlatform.Cli.Client;

/// <summary>The options every command that calls the API shares: where, as whom, and how to print.</summary>
internal sealed class ClientOptions
{
    /// <summary>Address of the gRPC endpoint when neither <c>--address</c> nor <c>COLLAB_ADDRESS</c> says otherwise.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5080";

    public Option<string> Address { get; } = new("--address")
    {
        Description = $"gRPC address of the CollabPlatform API (env COLLAB_ADDRESS; default {DefaultAddress})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_ADDRESS") is { Length: > 0 } address ? address : DefaultAddress,
    };

    public Option<string> Actor { get; } = new("--actor")
    {
        Description = "who is calling, sent as x-collab-actor (env COLLAB_ACTOR; default cli)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COLLAB_ACTOR") is { Length: > 0 } actor ? actor : CollabClient.DefaultActor,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "text or json",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public void AddTo(Command command)
    {
        command.Add(Address);
        command.Add(Actor);
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
}
