using System.CommandLine;

namespace CollabPlatform.Cli.Client;

/// <summary>What a client command's action works with.</summary>
internal sealed record ClientCall(CollabClient Client, ParseResult ParseResult, TextWriter Output, OutputFormat Format);
