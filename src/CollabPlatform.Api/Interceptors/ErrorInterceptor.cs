using System.Net.Sockets;
using CollabPlatform.Api.Errors;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CollabPlatform.Api.Interceptors;

/// <summary>
/// The safety net under every rpc, for all four handler kinds. What the services throw on purpose
/// (RpcException from <see cref="RpcErrors"/>) passes unchanged; anything else becomes a status here,
/// so that no call ever ends as UNKNOWN ("Exception was thrown by handler", grpc-dotnet's answer
/// to an exception it does not know):
/// a cancelled call is CANCELLED, a passed deadline DEADLINE_EXCEEDED, an unreachable silo or
/// database UNAVAILABLE (retryable), and the rest INTERNAL with a correlation id that is also logged.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex)
        {
            throw Translate(ex, context);
        }
    }

    /// <summary>The status an exception leaves the server as.</summary>
    internal RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException { StatusCode: StatusCode.Unknown }:
                var id = CorrelationId();
                Log.UnknownStatusReplaced(logger, context.Method, id);
                return RpcErrors.Internal(id);
            case RpcException rpc:
                return rpc;
            case OperationCanceledException when context.Deadline < time.GetUtcNow().UtcDateTime:
                return RpcErrors.DeadlineExceeded();
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return RpcErrors.Cancelled();
            default:
                break;
        }

        if (UnavailableCause(exception) is { } cause)
        {
            Log.Unavailable(logger, exception, context.Method, cause);
            return RpcErrors.Unavailable(cause);
        }

        var correlationId = CorrelationId();
        Log.UnexpectedError(logger, exception, context.Method, correlationId);
        return RpcErrors.Internal(correlationId);
    }

    /// <summary>What made the cluster or the database unreachable, or null when the failure is something else.</summary>
    private static string? UnavailableCause(Exception exception) => exception switch
    {
        // Orleans: a grain call that timed out, a silo that left, a message the target refused
        // (e.g. while it shuts down). Each is transient; the caller retries, with the same request_id.
        TimeoutException => "a grain call timed out",
        SiloUnavailableException => "a silo of the cluster is unavailable",
        OrleansMessageRejectionException => "the cluster refused the call, typically while a silo shuts down",
        // A grain's database failure arrives as DatabaseUnavailableException; the read-model
        // queries of this process see the driver's exceptions themselves.
        DatabaseUnavailableException => "the database is unreachable",
        _ when DatabaseFailures.IsUnavailable(exception) => "the database is unreachable",
        SocketException => "a network connection failed",
        ObjectDisposedException or OperationCanceledException => "the server is shutting down",
        AggregateException { InnerExceptions.Count: 1 } aggregate => UnavailableCause(aggregate.InnerExceptions[0]),
        _ when exception.InnerException is { } inner && (inner is SocketException || DatabaseFailures.IsUnavailable(inner)) => UnavailableCause(inner),
        _ => null,
    };

    private static string CorrelationId() => Guid.NewGuid().ToString("N")[..12];
}
