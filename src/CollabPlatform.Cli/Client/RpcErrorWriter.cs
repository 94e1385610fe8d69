using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.Cli.Client;

/// <summary>Turns a failed call into the lines a person needs: status, message, reason and every field violation.</summary>
internal static class RpcErrorWriter
{
    public static string Describe(RpcException exception, Uri address)
    {
        var text = new StringBuilder();
        if (exception.StatusCode == Grpc.Core.StatusCode.Unavailable)
        {
            text.Append("error: UNAVAILABLE: cannot reach the CollabPlatform API at ").Append(address)
                .Append(" (").Append(exception.Status.Detail).AppendLine(").")
                .Append("Start it with 'collab serve', or point --address (env COLLAB_ADDRESS) at a running server.");
            return text.ToString();
        }

        text.Append("error: ").Append(StatusName(exception.StatusCode)).Append(": ").Append(exception.Status.Detail);
        var status = exception.GetRpcStatus();
        if (status?.GetDetail<ErrorInfo>() is { } info)
        {
            text.AppendLine().Append("  reason: ").Append(info.Reason);
            foreach (var (key, value) in info.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                text.Append(", ").Append(key).Append('=').Append(value);
            }
        }

        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var violation in badRequest.FieldViolations)
            {
                text.AppendLine().Append("  ").Append(violation.Field).Append(": ").Append(violation.Description);
            }
        }

        return text.ToString();
    }

    /// <summary>The canonical name, e.g. <c>INVALID_ARGUMENT</c>, as the gRPC documentation and our protos spell it.</summary>
    public static string StatusName(Grpc.Core.StatusCode code)
    {
        var name = code.ToString();
        var upper = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                upper.Append('_');
            }

            upper.Append(char.ToUpperInvariant(name[i]));
        }

        return upper.ToString();
    }
}
