using System.Net;
using CollabPlatform.Grains;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace CollabPlatform.Host.Hosting;

/// <summary>The Orleans silo of a Host replica: ADO.NET clustering, grain storage and reminders on PostgreSQL.</summary>
public static class OrleansHostingExtensions
{
    /// <summary>Name of the ADO.NET grain storage provider.</summary>
    public const string StorageName = GrainStorageNames.Default;

    public static IHostApplicationBuilder AddCollabOrleans(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CollabOrleansOptions.Section).Get<CollabOrleansOptions>() ?? new CollabOrleansOptions();
        // The certificate is needed while the silo is configured, so the settings are checked now;
        // the same check runs again at start for the record.
        var tlsSection = builder.Configuration.GetSection(OrleansTlsOptions.Section);
        var tls = tlsSection.Get<OrleansTlsOptions>() ?? new OrleansTlsOptions();
        var validator = new OrleansTlsOptionsValidator();
        if (validator.Validate(null, tls) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(OrleansTlsOptions.Section, typeof(OrleansTlsOptions), invalid.Failures);
        }

        builder.Services.AddOptions<OrleansTlsOptions>().Bind(tlsSection).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrleansTlsOptions>>(validator);
        var database = builder.Properties.TryGetValue(typeof(CollabDatabase), out var value) && value is CollabDatabase resolved
            ? resolved
            : throw new InvalidOperationException("AddCollabPersistenceAsync must run before AddCollabOrleans: the silo needs the database");
        builder.Services.AddOptions<DeadlineOptions>().Bind(builder.Configuration.GetSection(DeadlineOptions.Section));
        builder.UseOrleans(silo =>
        {
            ConfigureSilo(silo, options, database.ConnectionString);
            silo.UseCollabTls(tls);
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(CollabOrleansOptions.MembershipSection));
        });
        return builder;
    }

    /// <summary>This replica's identity and endpoints, then <see cref="AddCollabSiloServices"/>.</summary>
    public static ISiloBuilder ConfigureSilo(ISiloBuilder silo, CollabOrleansOptions options, string connectionString)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        // In a Kubernetes pod the silo advertises the pod's IP and listens on every interface, and
        // Orleans' Kubernetes hosting removes silos whose pods are gone; elsewhere it stays on the
        // configured (loopback by default) address.
        var inKubernetes = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"));
        var podIp = Environment.GetEnvironmentVariable("POD_IP");
        var advertised = inKubernetes && !string.IsNullOrEmpty(podIp) ? podIp : options.AdvertisedAddress;
        silo.Configure<EndpointOptions>(endpoints => ConfigureEndpoints(endpoints, options, IPAddress.Parse(advertised), listenOnAnyAddress: inKubernetes));
        if (inKubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return AddCollabSiloServices(silo, connectionString);
    }

    /// <summary>
    /// The silo's endpoints. The gateway (the port Orleans clients call grains through) exists only
    /// when <see cref="CollabOrleansOptions.GatewayPort"/> is set: a client there is trusted with the
    /// principal it names, and nothing of ours needs it (the API and the CLI speak gRPC).
    /// </summary>
    public static void ConfigureEndpoints(EndpointOptions endpoints, CollabOrleansOptions options, IPAddress advertised, bool listenOnAnyAddress)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        endpoints.AdvertisedIPAddress = advertised;
        endpoints.SiloPort = options.SiloPort;
        endpoints.GatewayPort = Math.Max(options.GatewayPort, 0);
        // Orleans' own ConfigureEndpoints would also listen on "any address, port 0" for a gateway
        // of port 0, that is, open one on a random port; here no listening endpoint means none.
        endpoints.SiloListeningEndpoint = listenOnAnyAddress ? new IPEndPoint(IPAddress.Any, options.SiloPort) : null;
        endpoints.GatewayListeningEndpoint = listenOnAnyAddress && options.GatewayPort > 0 ? new IPEndPoint(IPAddress.Any, options.GatewayPort) : null;
    }

    /// <summary>
    /// Everything a Collab silo needs besides its identity, shared by the Host and by test clusters
    /// so that both run the same configuration: ADO.NET clustering, grain storage and reminders on
    /// PostgreSQL, the JSON codec for domain records, and the grains' services.
    /// </summary>
    public static ISiloBuilder AddCollabSiloServices(ISiloBuilder silo, string connectionString)
    {
        // Carries the caller's trace into grain calls, across silos; free when nobody listens.
        silo.AddActivityPropagation();
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.Services.AddSerializer(serializer => serializer.AddCollabSerialization());
        silo.Services.AddSingleton<IEventLedger>(sp => new EventLedger(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddCollabGrains();
        return silo;
    }
}
