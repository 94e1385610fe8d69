using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using CollabPlatform.Api.Errors;
using CollabPlatform.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Answers INVALID_ARGUMENT to a gRPC request whose message is not valid protobuf for its rpc
/// (garbage bytes, invalid UTF-8 in a string, a truncated frame). grpc-dotnet reads the message
/// before any interceptor runs and reports such a failure as UNKNOWN ("Exception was thrown by
/// handler"), which the contract never sends, so the message is parsed once here first. Only
/// collab.v1 rpcs with a single request message are checked; everything else passes untouched.
/// </summary>
public sealed class MalformedMessageMiddleware(RequestDelegate next, int maxMessageSize)
{
    private const int HeaderLength = 5;

    private static readonly FrozenDictionary<string, MessageDescriptor> RequestTypes = new[]
        {
            RegionService.Descriptor, PartnershipService.Descriptor, JointProgramService.Descriptor, FacilitationService.Descriptor,
        }
        .SelectMany(service => service.Methods.Where(m => !m.IsClientStreaming).Select(m => ($"/{service.FullName}/{m.Name}", m.InputType)))
        .ToFrozenDictionary(m => m.Item1, m => m.InputType, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true
            || !RequestTypes.TryGetValue(request.Path.Value ?? string.Empty, out var type))
        {
            await next(context);
            return;
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxMessageSize + HeaderLength + 1);
        var problem = await CheckAsync(request, type, context.RequestAborted);
        request.Body.Position = 0;
        if (problem is null)
        {
            await next(context);
            return;
        }

        await RespondInvalidAsync(context, problem);
    }

    /// <summary>Null when the message parses (or is not ours to judge), else what is wrong with it.</summary>
    private async Task<string?> CheckAsync(HttpRequest request, MessageDescriptor type, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        var read = await request.Body.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return $"the request has no message; send one {type.FullName}";
        }

        if (read < HeaderLength)
        {
            return "the request ends inside the gRPC message header";
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > (uint)maxMessageSize)
        {
            // grpc-dotnet answers RESOURCE_EXHAUSTED for it.
            return null;
        }

        var message = new byte[length];
        if (await request.Body.ReadAtLeastAsync(message, (int)length, throwOnEndOfStream: false, cancellationToken) < length)
        {
            return $"the request ends before its {length}-byte message does";
        }

        if (header[0] == 1)
        {
            if (!string.Equals(request.Headers["grpc-encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                message = Gunzip(message);
            }
            catch (InvalidDataException)
            {
                return "the request message is marked gzip-compressed but is not valid gzip";
            }
        }

        try
        {
            type.Parser.ParseFrom(message);
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"the request message is not a valid {type.FullName} ({ex.Message.TrimEnd('.')}); send it as protobuf, with strings in UTF-8";
        }
    }

    private byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int count;
        while ((count = input.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, count);
            if (output.Length > maxMessageSize)
            {
                throw new InvalidDataException("the message decompresses beyond the size limit");
            }
        }

        return output.ToArray();
    }

    // A trailers-only gRPC response: the status travels in the headers of an empty answer.
    private static Task RespondInvalidAsync(HttpContext context, string problem)
    {
        // RpcErrors always packs its google.rpc.Status into the exception's trailers.
        var status = RpcErrors.InvalidArgument("request", problem).GetRpcStatus()!;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
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
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
