using Google.Protobuf;
using Grpc.Core;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// The standard <c>grpc.health.v1.Health/Check</c>, encoded by hand (one field each way), so the
/// benchmark needs no health package. It is the baseline "empty call": the same Host, the same
/// HTTP/2 and gRPC pipeline, no grain and no database.
/// </summary>
internal static class HealthCheck
{
    /// <summary><c>HealthCheckResponse.ServingStatus.SERVING</c>.</summary>
    public const int Serving = 1;

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> Check = new(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);

    /// <summary>The request for the liveness service: answered from memory, like an empty call.</summary>
    public static byte[] Request(string service)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        if (service.Length > 0)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(service);
        }

        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>The serving status: 1 SERVING, 2 NOT_SERVING, 0 UNKNOWN.</summary>
    public static async Task<int> CheckAsync(ApiClient client, byte[] request, DateTime deadline, CancellationToken cancellationToken = default)
    {
        var response = await client.Invoker.AsyncUnaryCall(Check, null, new CallOptions(deadline: deadline, cancellationToken: cancellationToken), request);
        var input = new CodedInputStream(response);
        var status = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                status = input.ReadEnum();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return status;
    }

    /// <summary>Waits until the overall service reports SERVING.</summary>
    public static async Task WaitServingAsync(ApiClient client, TimeSpan within)
    {
        var request = Request(string.Empty);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                if (await CheckAsync(client, request, DateTime.UtcNow.AddSeconds(5)) == Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the Host did not report SERVING within {within}");
            }

            await Task.Delay(50);
        }
    }
}
