using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;

namespace CollabPlatform.Cli.Client;

/// <summary>Runs a client command: connects, calls, prints, and turns failures into one clear message and exit code 1.</summary>
internal static class ClientCommand
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void SetAction(Command command, ClientOptions options, Func<ClientCall, CancellationToken, Task> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (options.ParseAddress(parseResult, out var problem) is not { } address)
            {
                await error.WriteLineAsync(problem);
                return 2;
            }

            if (options.Credentials(parseResult, out var credentialsProblem) is not { } credentials)
            {
                await error.WriteLineAsync(credentialsProblem);
                return 2;
            }

            using var client = CollabClient.Connect(address, credentials);
            var call = new ClientCall(client, parseResult, parseResult.InvocationConfiguration.Output, parseResult.GetValue(options.Output));
            try
            {
                await action(call, cancellationToken);
                return 0;
            }
            catch (RpcException ex)
            {
                await error.WriteLineAsync(RpcErrorWriter.Describe(ex, address));
                return 1;
            }
        });
    }

    /// <summary>A message in the API's JSON mapping, indented.</summary>
    public static string ToJson(IMessage message) => Json.Format(message);
}
