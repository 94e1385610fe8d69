using Google.Protobuf;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The standard <c>grpc.health.v1.Health/Check</c> call, encoded by hand: the two messages have one
/// field each, and the test then needs no health package of its own.
/// </summary>
public static class HealthProbe
{
    /// <summary><c>HealthCheckResponse.ServingStatus.SERVING</c>.</summary>
    public const int Serving = 1;

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> Check = new(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);

    /// <summary>The serving status of <paramref name="service"/> ("" for the whole server): 1 SERVING, 2 NOT_SERVING.</summary>
    public static async Task<int> CheckAsync(CallInvoker invoker, string service, TimeSpan timeout)
    {
        // HealthCheckRequest { string service = 1; }
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        if (service.Length > 0)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(service);
        }

        output.Flush();
        var response = await invoker.AsyncUnaryCall(Check, null, new CallOptions(deadline: DateTime.UtcNow + timeout), buffer.ToArray());

        // HealthCheckResponse { ServingStatus status = 1; }, absent when UNKNOWN (0).
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
}
