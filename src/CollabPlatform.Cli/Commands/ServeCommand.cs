using System.CommandLine;
using CollabPlatform.Host.Hosting;

namespace CollabPlatform.Cli.Commands;

/// <summary><c>collab serve</c>: runs a Host replica, exactly as <c>CollabPlatform.Host</c> does.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the CollabPlatform Host (gRPC API and Orleans silo). Settings as --Key=value, e.g. --Collab:Api:GrpcPort=5080")
        {
            // Host settings (--Collab:Api:GrpcPort=5080 ...) are passed on untouched.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, _) => CollabHost.RunAsync([.. parseResult.UnmatchedTokens]));
        return command;
    }
}
