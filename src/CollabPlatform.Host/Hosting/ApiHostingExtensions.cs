using System.Net;
using CollabPlatform.Api.Configuration;
using CollabPlatform.Api.Health;
using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Interceptors;
using CollabPlatform.Api.Middleware;
using CollabPlatform.Api.RateLimiting;
using CollabPlatform.Api.Services;
using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Feeds;
using CollabPlatform.Persistence.ReadModels;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Host.Hosting;

/// <summary>
/// The gRPC API of a replica: the four collab.v1 services behind the error interceptor,
/// JSON transcoding, server reflection and grpc.health.v1, on the ports of <see cref="CollabApiOptions"/>.
/// </summary>
public static class ApiHostingExtensions
{
    /// <summary>Health-check tag of what readiness needs: an active silo and a database that answers.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Health-check tag of liveness: only that the process answers (the kubelet restarts on failure).</summary>
    public const string LiveTag = "live";

    /// <summary>The grpc.health.v1 service name for liveness (k8s/base/deployment.yaml).</summary>
    public const string LivenessService = "liveness";

    public static IHostApplicationBuilder AddCollabApi(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CollabApiOptions.Section).Get<CollabApiOptions>() ?? new CollabApiOptions();
        builder.Services.AddOptions<CollabApiOptions>().Bind(builder.Configuration.GetSection(CollabApiOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CollabApiOptions>, CollabApiOptionsValidator>();
        var rateLimit = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();

        builder.Services
            .AddGrpc(grpc =>
            {
                // The safety net first, so that it also answers for authentication.
                grpc.Interceptors.Add<ErrorInterceptor>();
                grpc.Interceptors.Add<AuthenticationInterceptor>();
                grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
                grpc.MaxSendMessageSize = options.MaxSendMessageSize;
                grpc.CompressionProviders = BoundedDecompressionProvider.Defaults(options.MaxReceiveMessageSize);
                grpc.EnableDetailedErrors = false;
            })
            .AddJsonTranscoding(json =>
            {
                // Error details travel packed in google.protobuf.Any; JSON needs their types to print them.
                json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);
                // proto3's JSON mapping (and protos/README.md): int64 values are strings, since
                // JavaScript numbers lose precision above 2^53.
                json.JsonSettings = new Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonSettings { WriteInt64sAsStrings = true };
            });
        UseMessageGuard(builder.Services);
        if (options.EnableReflection)
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services
            .AddGrpcHealthChecks(health =>
            {
                health.Services.Clear();
                health.Services.Map(string.Empty, check => check.Tags.Contains(ReadyTag));
                health.Services.Map(LivenessService, check => check.Tags.Contains(LiveTag));
                foreach (var service in ServiceNames)
                {
                    health.Services.Map(service, check => check.Tags.Contains(ReadyTag));
                }
            })
            .AddCheck<CollabReadinessCheck>("collab", tags: [ReadyTag])
            .AddCheck("process", () => HealthCheckResult.Healthy("the process answers"), tags: [LiveTag]);

        builder.Services.TryAddSingleton(RegionCatalog.Default);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCollabAuthentication();
        builder.Services.TryAddSingleton<ICallerAccessor, AuthenticatedCallerAccessor>();
        builder.Services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.AddSingleton<PartnershipQueries>();
        builder.Services.AddSingleton<ProgramQueries>();
        builder.Services.AddSingleton<LedgerQueries>();
        builder.Services.AddSingleton<FacilitationQueries>();
        builder.Services.AddSingleton(new StreamLimiter(options.MaxStreamsPerCaller, options.MaxStreamsTotal, options.MaxStreamLifetime));
        builder.Services.AddSingleton(sp => new LogThrottle(rateLimit.AuthFailureLogsPerInterval, rateLimit.AuthFailureLogInterval, sp.GetRequiredService<TimeProvider>()));
        if (rateLimit.Enabled)
        {
            builder.Services.AddRateLimiter(limiter => CallRateLimiter.Configure(limiter, rateLimit));
        }

        AddFeeds(builder);

        var endpoints = new ApiEndpoints();
        builder.Services.AddSingleton(endpoints);
        builder.Services.Configure<KestrelServerOptions>(kestrel => ConfigureEndpoints(kestrel, options, endpoints));
        return builder;
    }

    /// <summary>
    /// The agreement feeds behind WatchAgreements: one <see cref="LedgerTailer"/> per replica
    /// follows the ledger and hands each commit to every watcher through the <see cref="FeedHub"/>.
    /// </summary>
    private static void AddFeeds(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>().Bind(builder.Configuration.GetSection(FeedOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>();
        builder.Services.AddSingleton<FeedHub>();
        builder.Services.AddSingleton<LedgerTailer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerTailer>());
    }

    public static WebApplication MapCollabApi(this WebApplication app)
    {
        // Before the endpoints, in this order: the wording of grpc-dotnet's own read failures, the
        // cap on health watches, a token before any body is read, the rate limit per subject, and
        // the size limit of JSON bodies (gRPC's is grpc-dotnet's own).
        var api = app.Services.GetRequiredService<IOptions<CollabApiOptions>>().Value;
        var rateLimit = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        app.UseMiddleware<GrpcProtocolErrorsMiddleware>(api.MaxReceiveMessageSize);
        app.UseMiddleware<HealthWatchLimitMiddleware>(rateLimit);
        app.UseMiddleware<PreAuthenticationMiddleware>();
        if (rateLimit.Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseMiddleware<JsonBodyLimitMiddleware>(api.MaxReceiveMessageSize);
        app.MapGrpcService<RegionGrpcService>();
        app.MapGrpcService<PartnershipGrpcService>();
        app.MapGrpcService<JointProgramGrpcService>();
        app.MapGrpcService<FacilitationGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcHealthChecksService();
        if (app.Services.GetRequiredService<IOptions<CollabApiOptions>>().Value.EnableReflection)
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }

    /// <summary>The collab.v1 services, each reported by grpc.health.v1 under its full name.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } =
    [
        RegionService.Descriptor.FullName,
        PartnershipService.Descriptor.FullName,
        JointProgramService.Descriptor.FullName,
        FacilitationService.Descriptor.FullName,
        AuditService.Descriptor.FullName,
    ];

    /// <summary>
    /// Every generated service is bound by <see cref="MessageGuardServiceMethodProvider{TService}"/>
    /// instead of grpc-dotnet's own binder, whose endpoints it would otherwise duplicate.
    /// </summary>
    private static void UseMessageGuard(IServiceCollection services)
    {
        var binder = services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" } type
            && type.Assembly == typeof(IServiceMethodProvider<>).Assembly)
            ?? throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider is not registered; the message guard cannot replace it");
        services.Remove(binder);
        services.TryAddEnumerable(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(MessageGuardServiceMethodProvider<>)));
    }

    private static void ConfigureEndpoints(KestrelServerOptions kestrel, CollabApiOptions options, ApiEndpoints endpoints)
    {
        // Bad values are reported by the options validator at start; here they only must not throw first.
        var address = IPAddress.TryParse(options.ListenAddress, out var parsed) ? parsed : IPAddress.Loopback;
        var tls = !string.IsNullOrEmpty(options.CertificatePath) && File.Exists(options.CertificatePath);
        // A message plus its gRPC frame header (or a JSON body of the same size).
        kestrel.Limits.MaxRequestBodySize = options.MaxReceiveMessageSize + 1024;
        kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = options.MaxRequestHeaderFieldSize;
        kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize;
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyDataRate, options.MinRequestBodyDataRateGracePeriod);
        kestrel.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
        kestrel.Limits.Http2.KeepAlivePingDelay = options.KeepAlivePingDelay;
        kestrel.Limits.Http2.KeepAlivePingTimeout = options.KeepAlivePingTimeout;
        ListenOptions? grpc = null;
        ListenOptions? http = null;
        kestrel.Listen(address, Math.Clamp(options.GrpcPort, 0, 65535), listen =>
        {
            grpc = listen;
            Secure(listen, options, tls);
        });
        if (!(tls && options.HttpPort == options.GrpcPort && options.GrpcPort != 0))
        {
            kestrel.Listen(address, Math.Clamp(options.HttpPort, 0, 65535), listen =>
            {
                http = listen;
                listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                if (tls)
                {
                    UseCertificate(listen, options);
                }
            });
        }

        endpoints.Set(() => grpc?.EndPoint, () => (http ?? grpc)?.EndPoint, tls);
    }

    // Without TLS, gRPC clients speak HTTP/2 by prior knowledge, so the port is HTTP/2 only (h2c);
    // with TLS, ALPN lets one port serve gRPC and HTTP/1.1 alike.
    private static void Secure(ListenOptions listen, CollabApiOptions options, bool tls)
    {
        listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
        if (tls)
        {
            UseCertificate(listen, options);
        }
    }

    private static void UseCertificate(ListenOptions listen, CollabApiOptions options)
    {
        var certificate = string.IsNullOrEmpty(options.CertificateKeyPath)
            ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword)
            : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(options.CertificatePath!, options.CertificateKeyPath);
        listen.UseHttps(certificate);
    }
}
