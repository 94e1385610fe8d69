using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.ForeignClient.Tests.Infrastructure;

/// <summary>
/// Calls any rpc of the protos by its descriptor, with the request written in proto3 JSON: over gRPC
/// as a binary message, over HTTP as the google.api.http rule says (path variables, query or body).
/// </summary>
public static class DynamicRpc
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Task<RpcOutcome> CallAsync(ContractHost host, Transport transport, MethodDescriptor method, string requestJson, string? token) =>
        transport == Transport.Grpc ? CallGrpcAsync(host, method, requestJson, token) : CallJsonAsync(host, method, requestJson, token);

    private static async Task<RpcOutcome> CallGrpcAsync(ContractHost host, MethodDescriptor method, string requestJson, string? token)
    {
        var request = Parser.Parse(requestJson, method.InputType);
        var marshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(20));
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var rpc = new Method<IMessage, IMessage>(type, method.Service.FullName, method.Name, marshaller, marshaller);
        try
        {
            if (method.IsServerStreaming)
            {
                using var call = host.Invoker.AsyncServerStreamingCall(rpc, null, options, request);
                await call.ResponseStream.MoveNext(CancellationToken.None);
            }
            else
            {
                await host.Invoker.AsyncUnaryCall(rpc, null, options, request);
            }

            return new RpcOutcome(StatusCode.OK, null, false, string.Empty);
        }
        catch (RpcException ex)
        {
            var status = ex.GetRpcStatus();
            return new RpcOutcome(ex.StatusCode, status?.GetDetail<ErrorInfo>()?.Reason, status?.GetDetail<BadRequest>() is not null, ex.Status.Detail);
        }
    }

    private static async Task<RpcOutcome> CallJsonAsync(ContractHost host, MethodDescriptor method, string requestJson, string? token)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) ?? throw new InvalidOperationException($"{method.FullName} has no google.api.http rule");
        var fields = JsonNode.Parse(requestJson)?.AsObject() ?? [];
        var (verb, template) = rule.PatternCase == HttpRule.PatternOneofCase.Get ? (HttpMethod.Get, rule.Get) : (HttpMethod.Post, rule.Post);
        var path = new StringBuilder();
        var rest = template;
        while (rest.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
        {
            var close = rest.IndexOf('}', open);
            var field = method.InputType.FindFieldByName(rest[(open + 1)..close]);
            var value = fields[field.JsonName]?.GetValue<string>() ?? string.Empty;
            fields.Remove(field.JsonName);
            path.Append(rest[..open]).Append(Uri.EscapeDataString(value));
            rest = rest[(close + 1)..];
        }

        path.Append(rest);
        using var request = new HttpRequestMessage(verb, verb == HttpMethod.Get ? path + Query(fields) : path.ToString());
        if (verb != HttpMethod.Get)
        {
            request.Content = new StringContent(fields.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // A stream answers its headers at once and then keeps the body open: read only what is needed.
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.IsSuccessStatusCode)
        {
            return new RpcOutcome(StatusCode.OK, null, false, string.Empty);
        }

        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var status = JsonDocument.Parse(body);
            var code = (StatusCode)status.RootElement.GetProperty("code").GetInt32();
            var message = status.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            string? reason = null;
            var badRequest = false;
            if (status.RootElement.TryGetProperty("details", out var details))
            {
                foreach (var detail in details.EnumerateArray())
                {
                    var type = detail.GetProperty("@type").GetString();
                    badRequest |= type == "type.googleapis.com/google.rpc.BadRequest";
                    if (type == "type.googleapis.com/google.rpc.ErrorInfo")
                    {
                        reason = detail.GetProperty("reason").GetString();
                    }
                }
            }

            return new RpcOutcome(code, reason, badRequest, message);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new RpcOutcome(StatusCode.Unknown, null, false, $"HTTP {(int)response.StatusCode} with a body that is no google.rpc.Status: {body}");
        }
    }

    private static string Query(JsonObject fields)
    {
        var parts = new List<string>();
        foreach (var (name, value) in fields)
        {
            var items = value is JsonArray array ? [.. array] : new List<JsonNode?> { value };
            foreach (var item in items.OfType<JsonValue>())
            {
                var text = item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString();
                parts.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
