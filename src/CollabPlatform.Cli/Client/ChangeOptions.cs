using System.CommandLine;

namespace CollabPlatform.Cli.Client;

/// <summary>
/// The options of every command that changes something: the request id that makes a retry safe
/// (the server answers a repeated id with the first result), and the version the change expects.
/// </summary>
internal sealed class ChangeOptions
{
    public Option<string?> RequestId { get; } = new("--request-id")
    {
        Description = "idempotency key; repeat the printed one to retry safely (default: a new one)",
    };

    public Option<long> ExpectedVersion { get; } = new("--expected-version")
    {
        Description = "refuse the change (ABORTED) unless the record is at this version; 0 accepts any",
    };

    public void AddTo(Command command)
    {
        command.Add(RequestId);
        command.Add(ExpectedVersion);
    }

    /// <summary>The given request id, or a new one that is told to the user so a retry can reuse it.</summary>
    public async Task<string> RequestIdAsync(ClientCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.ParseResult.GetValue(RequestId) is { Length: > 0 } given)
        {
            return given;
        }

        var id = "cli-" + Guid.NewGuid().ToString("N");
        await call.ParseResult.InvocationConfiguration.Error.WriteLineAsync($"request id {id} (pass --request-id {id} to retry this change safely)");
        return id;
    }
}
