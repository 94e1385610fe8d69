using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using HttpResponse = Microsoft.AspNetCore.Http.HttpResponse;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Answers a call with a status before any endpoint runs: over gRPC as a trailers-only response
/// (the status in the headers of an empty answer), over JSON as the HTTP status of the
/// grpc-gateway mapping with the google.rpc.Status as body, as transcoding does.
/// </summary>
public static class RpcResponses
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor)));

    /// <summary>True when the request speaks gRPC (not JSON transcoding or plain HTTP).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request?.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Answers <paramref name="error"/> (built by RpcErrors, so it carries its google.rpc.Status).</summary>
    public static Task WriteAsync(HttpContext context, RpcException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var status = error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)error.StatusCode, Message = error.Status.Detail };
        if (status.Details.Select(d => d.TryUnpack<RetryInfo>(out var retry) ? retry : null).FirstOrDefault(r => r is not null) is { } retryInfo)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryInfo.RetryDelay.ToTimeSpan().TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return IsGrpc(context.Request) ? WriteGrpcAsync(context.Response, status) : WriteJsonAsync(context.Response, status);
    }

    /// <summary>Puts <paramref name="status"/> into the headers of a trailers-only gRPC response that has not started.</summary>
    public static void SetGrpcStatus(IHeaderDictionary headers, Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(status);
        headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        headers["grpc-message"] = PercentEncode(status.Message);
        headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    /// <summary>The HTTP status of a gRPC code (grpc-gateway's mapping, which transcoding follows).</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Cancelled => 499,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task WriteGrpcAsync(HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        SetGrpcStatus(response.Headers, status);
        return response.CompleteAsync();
    }

    private static async Task WriteJsonAsync(HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = HttpStatus((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Json.Format(status), Encoding.UTF8);
        await response.CompleteAsync();
    }

    // grpc-message is percent-encoded UTF-8 (gRPC over HTTP/2, "Responses").
    private static string PercentEncode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
