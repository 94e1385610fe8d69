using System.Net;
using CollabPlatform.Grains;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Grains.Deadlines;
using CollabPlatform.Persistence.Audit;
using CollabPlatform.Persistence.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        var database = builder.Properties.TryGetValue(typeof(CollabDatabase), out var value) && value is CollabDatabase resolved
            ? resolved
            : throw new InvalidOperationException("AddCollabPersistenceAsync must run before AddCollabOrleans: the silo needs the database");
        builder.Services.AddOptions<DeadlineOptions>().Bind(builder.Configuration.GetSection(DeadlineOptions.Section));
        builder.UseOrleans(silo =>
        {
            ConfigureSilo(silo, options, database.ConnectionString);
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
        silo.ConfigureEndpoints(IPAddress.Parse(advertised), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: inKubernetes);
        if (inKubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return AddCollabSiloServices(silo, connectionString);
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
