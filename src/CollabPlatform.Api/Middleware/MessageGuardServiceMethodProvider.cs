using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CollabPlatform.Api.Errors;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace CollabPlatform.Api.Middleware;

/// <summary>
/// Binds every generated gRPC service as grpc-dotnet's own binder does, but with a request
/// marshaller whose deserialization failure is INVALID_ARGUMENT with a BadRequest: grpc-dotnet
/// would report it as UNKNOWN. Nothing is read ahead of grpc-dotnet, so nothing is held by length.
/// </summary>
public sealed class MessageGuardServiceMethodProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TService> : IServiceMethodProvider<TService>
    where TService : class
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (BindMethod() is not { } bind)
        {
            return;
        }

        // BindService(ServiceBinderBase, ServiceBase) with no instance: the binder resolves the
        // handlers on TService itself, one open delegate each, as grpc-dotnet does.
        var serviceBase = bind.GetParameters()[1].ParameterType;
        bind.Invoke(null, [new Binder(context, serviceBase), null]);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The generated BindService is kept by the generated attribute.")]
    private static MethodInfo? BindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
            }
        }

        return null;
    }

    /// <summary>The request marshaller of <paramref name="method"/>, failing as INVALID_ARGUMENT.</summary>
    private static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var name = typeof(TRequest).Name;
        var guarded = Marshallers.Create(
            inner.ContextualSerializer,
            context =>
            {
                try
                {
                    return inner.ContextualDeserializer(context);
                }
                catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
                {
                    throw RpcErrors.MalformedMessage($"the request message is not a valid {name} ({ex.Message.TrimEnd('.')}); send it as protobuf, with strings in UTF-8");
                }
            });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Guard(method), Metadata(out var m, method.Name, typeof(TRequest), typeof(ServerCallContext)), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Guard(method), Metadata(out var m, method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Guard(method), Metadata(out var m, method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(m));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Guard(method), Metadata(out var m, method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(m));

        private static TDelegate Invoker<TDelegate>(MethodInfo handler)
            where TDelegate : Delegate => (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);

        /// <summary>The endpoint metadata of the handler: the service's attributes, then the method's, which win.</summary>
        private List<object> Metadata(out MethodInfo handler, string name, params Type[] parameters)
        {
            handler = Handler(name, parameters);
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }

        /// <summary>The override of the generated virtual handler (a method that merely hides it does not count).</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "TService keeps its public methods.")]
        private MethodInfo Handler(string name, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var candidate = type.GetMethod(name, Public, parameters);
                if (candidate is null)
                {
                    break;
                }

                if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == serviceBase)
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"{typeof(TService)} has no override of {serviceBase.Name}.{name}");
        }
    }
}
