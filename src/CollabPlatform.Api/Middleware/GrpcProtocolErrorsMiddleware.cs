using CollabPlatform.Api.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Words the statuses grpc-dotnet itself answers while reading a request, before our code runs, as
/// the contract says: a frame that ends early (or trails extra bytes) is the client's error,
/// INVALID_ARGUMENT with a BadRequest, not INTERNAL; a message over the size limit is
/// RESOURCE_EXHAUSTED with ErrorInfo LIMIT_EXCEEDED naming the limit. Only trailers-only answers
/// (status in the headers) are rewritten, just before they are sent; nothing is read or buffered.
/// </summary>
public sealed class GrpcProtocolErrorsMiddleware(RequestDelegate next, int maxMessageSize)
{
    // grpc-dotnet's own wording (Grpc.AspNetCore.Server PipeExtensions); pinned by the tests.
    private const string Incomplete = "Incomplete message.";
    private const string AdditionalData = "Additional data after the message received.";
    private const string TooLarge = "Received message exceeds the maximum configured message size.";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RpcResponses.IsGrpc(context.Request))
        {
            context.Response.OnStarting(() =>
            {
                Rewrite(context.Response.Headers);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    internal void Rewrite(IHeaderDictionary headers)
    {
        if (!int.TryParse(headers["grpc-status"], out var code) || headers.ContainsKey("grpc-status-details-bin"))
        {
            return;
        }

        var message = Uri.UnescapeDataString(headers["grpc-message"].ToString());
        var replacement = (StatusCode)code switch
        {
            StatusCode.ResourceExhausted when message == TooLarge => RpcErrors.MessageTooLarge(maxMessageSize),
            StatusCode.Internal when message == Incomplete => RpcErrors.MalformedMessage("the request ends before its gRPC message does (an empty body, a cut frame header, or fewer bytes than the header declares); send one complete message"),
            StatusCode.Internal when message == AdditionalData => RpcErrors.MalformedMessage("the request has bytes after its one message; send exactly one message for this rpc"),
            _ => null,
        };
        if (replacement?.GetRpcStatus() is { } status)
        {
            RpcResponses.SetGrpcStatus(headers, status);
        }
    }
}
