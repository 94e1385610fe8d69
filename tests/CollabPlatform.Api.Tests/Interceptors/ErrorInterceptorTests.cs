using System.Net.Sockets;
using System.Reflection;
using CollabPlatform.Api.Errors;
using CollabPlatform.Api.Interceptors;
using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Grains.Abstractions;
using CsCheck;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CollabPlatform.Api.Tests.Interceptors;

public sealed class ErrorInterceptorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero));

    private static readonly ErrorInterceptor Interceptor = new(NullLogger<ErrorInterceptor>.Instance, Clock);

    /// <summary>Whatever a handler might throw.</summary>
    private static readonly Gen<Exception> AnyException = Gen.OneOf<Exception>(
        Gen.String.Select(m => (Exception)new InvalidOperationException(m)),
        Gen.String.Select(m => (Exception)new ArgumentException(m)),
        Gen.String.Select(m => (Exception)new KeyNotFoundException(m)),
        Gen.String.Select(m => (Exception)new FormatException(m)),
        Gen.String.Select(m => (Exception)new TimeoutException(m)),
        Gen.String.Select(m => (Exception)new SiloUnavailableException(m)),
        Gen.String.Select(m => (Exception)MessageRejected(m)),
        Gen.String.Select(m => (Exception)new NpgsqlException(m, new SocketException())),
        Gen.String.Select(m => (Exception)new NpgsqlException(m)),
        Gen.String.Select(m => (Exception)new DatabaseUnavailableException(m)),
        Gen.Int[0, 5].Select(i => (Exception)Postgres(new[] { "57P01", "57P03", "08006", "53300", "42601", "23505" }[i], "failure")),
        Gen.String.Select(m => (Exception)new OperationCanceledException(m)),
        Gen.String.Select(m => (Exception)new AggregateException(new InvalidOperationException(m))),
        Gen.String.Select(m => (Exception)new RpcException(new Status(StatusCode.Unknown, m))),
        Gen.Int[1, 16].Select(code => (Exception)new RpcException(new Status((StatusCode)code, "from a service"))));

    public static TheoryData<Exception, StatusCode, string> Mapping => new()
    {
        { new TimeoutException("grain call timed out"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new SiloUnavailableException("gone"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { MessageRejected("shutting down"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new NpgsqlException("connection refused", new SocketException()), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new SocketException(), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new InvalidOperationException("oops", new SocketException()), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new NpgsqlException("syntax error"), StatusCode.Internal, ErrorReasons.Internal },

        // PostgreSQL stopped or restarting: a grain's failure arrives as DatabaseUnavailableException
        // (the driver's exceptions cannot cross silos); the read-model queries see the driver's own.
        { new DatabaseUnavailableException("PostgreSQL could not be reached"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { Postgres("57P01", "terminating connection due to administrator command"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { Postgres("57P02", "terminating connection because of crash of another server process"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { Postgres("57P03", "the database system is shutting down"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { Postgres("08006", "connection failure"), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { new InvalidOperationException("wrapped", Postgres("57P01", "terminating connection due to administrator command")), StatusCode.Unavailable, ErrorReasons.Unavailable },
        { Postgres("42601", "syntax error at or near \"SELEC\""), StatusCode.Internal, ErrorReasons.Internal },
        { Postgres("23505", "duplicate key value violates unique constraint"), StatusCode.Internal, ErrorReasons.Internal },
        { new InvalidOperationException("a bug"), StatusCode.Internal, ErrorReasons.Internal },
        { new RpcException(new Status(StatusCode.Unknown, "Exception was thrown by handler.")), StatusCode.Internal, ErrorReasons.Internal },
    };

    [Theory]
    [MemberData(nameof(Mapping))]
    public void Translate_Exception_HasItsStatus(Exception exception, StatusCode code, string reason)
    {
        var status = Interceptor.Translate(exception, new TestServerCallContext());

        Assert.Equal(code, status.StatusCode);
        Assert.Equal(reason, RpcAssert.Info(status).Reason);
    }

    [Fact]
    public void Translate_ServiceError_PassesUnchanged()
    {
        var thrown = RpcErrors.PartnershipNotFound("P-1");

        Assert.Same(thrown, Interceptor.Translate(thrown, new TestServerCallContext()));
    }

    [Fact]
    public void Translate_InternalError_HidesTheExceptionAndGivesACorrelationId()
    {
        var status = Interceptor.Translate(new InvalidOperationException("connection string Password=secret"), new TestServerCallContext());

        Assert.DoesNotContain("secret", status.Status.Detail, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{12}$", RpcAssert.Info(status).Metadata["correlation_id"]);
    }

    [Fact]
    public void Translate_CancelledByTheClient_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var status = Interceptor.Translate(new OperationCanceledException(cancelled.Token), new TestServerCallContext(cancellationToken: cancelled.Token));

        Assert.Equal(StatusCode.Cancelled, status.StatusCode);
    }

    [Fact]
    public void Translate_PastTheDeadline_IsDeadlineExceeded()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var context = new TestServerCallContext(deadline: Clock.GetUtcNow().UtcDateTime.AddSeconds(-1), cancellationToken: cancelled.Token);

        Assert.Equal(StatusCode.DeadlineExceeded, Interceptor.Translate(new OperationCanceledException(), context).StatusCode);
    }

    [Fact]
    public async Task Handlers_OfAllFourKinds_NeverLetAnExceptionOutAsUnknown()
    {
        await AnyException.SampleAsync(async exception =>
        {
            var context = new TestServerCallContext();
            var statuses = new[]
            {
                await CatchAsync(() => Interceptor.UnaryServerHandler<string, string>("request", context, (_, _) => throw exception)),
                await CatchAsync(() => Interceptor.ClientStreamingServerHandler<string, string>(null!, context, (_, _) => throw exception)),
                await CatchAsync(() => Interceptor.ServerStreamingServerHandler<string, string>("request", null!, context, (_, _, _) => throw exception)),
                await CatchAsync(() => Interceptor.DuplexStreamingServerHandler<string, string>(null!, null!, context, (_, _, _) => throw exception)),
            };

            foreach (var status in statuses)
            {
                Assert.NotEqual(StatusCode.Unknown, status.StatusCode);
                if (exception is RpcException { StatusCode: not StatusCode.Unknown } rpc)
                {
                    Assert.Equal(rpc.StatusCode, status.StatusCode);
                }
            }
        });
    }

    [Fact]
    public async Task UnaryHandler_WithoutException_ReturnsTheResponse()
    {
        var response = await Interceptor.UnaryServerHandler<string, string>("request", new TestServerCallContext(), (request, _) => Task.FromResult(request + "!"));

        Assert.Equal("request!", response);
    }

    private static PostgresException Postgres(string sqlState, string message) => new(message, "FATAL", "FATAL", sqlState);

    // Orleans creates this one itself; its constructors are internal.
    private static Exception MessageRejected(string message) =>
        (Exception)Activator.CreateInstance(typeof(OrleansMessageRejectionException), BindingFlags.NonPublic | BindingFlags.Instance, null, [message], null)!;

    private static async Task<RpcException> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("the handler did not fail");
    }
}
