using CollabPlatform.Api.Errors;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Holds a JSON (transcoded) call's body to the same size limit as a gRPC message, which JSON
/// transcoding does not check: over it the call is RESOURCE_EXHAUSTED (HTTP 429) with ErrorInfo
/// LIMIT_EXCEEDED. A declared length is judged before anything is read; a chunked body is read only
/// as far as it arrives, never further than the limit. Runs after authentication.
/// </summary>
public sealed class JsonBodyLimitMiddleware(RequestDelegate next, int maxMessageSize)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (RpcResponses.IsGrpc(request) || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is null)
        {
            await next(context);
            return;
        }

        if (request.ContentLength is { } declared)
        {
            if (declared > maxMessageSize)
            {
                await RpcResponses.WriteAsync(context, RpcErrors.MessageTooLarge(maxMessageSize, declared));
                return;
            }

            await next(context);
            return;
        }

        if (await ReadBoundedAsync(request, context.RequestAborted) is not { } body)
        {
            await RpcResponses.WriteAsync(context, RpcErrors.MessageTooLarge(maxMessageSize));
            return;
        }

        request.Body = body;
        await next(context);
    }

    /// <summary>The body, or null when it goes on beyond the limit.</summary>
    private async Task<MemoryStream?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxMessageSize)
            {
                await body.DisposeAsync();
                return null;
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        return body;
    }
}
