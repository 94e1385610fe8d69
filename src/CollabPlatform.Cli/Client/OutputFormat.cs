namespace CollabPlatform.Cli.Client;

/// <summary>How client commands print what the server returned.</summary>
internal enum OutputFormat
{
    /// <summary>Lines for people.</summary>
    Text,

    /// <summary>The response messages in the API's JSON mapping (lowerCamelCase fields, enum names).</summary>
    Json,
}
