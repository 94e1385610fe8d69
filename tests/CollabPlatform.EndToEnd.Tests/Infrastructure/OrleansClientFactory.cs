using CollabPlatform.Grains.Abstractions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>An Orleans client of a Host cluster, found through the ADO.NET membership table, and the settings such a Host needs.</summary>
public static class OrleansClientFactory
{
    public static Dictionary<string, string> HostSettings(string connectionString, string clusterId) => new()
    {
        ["ConnectionStrings:Collab"] = connectionString,
        ["Collab:Orleans:ClusterId"] = clusterId,
        ["Collab:Api:GrpcPort"] = "0",
        ["Collab:Api:HttpPort"] = "0",
        ["urls"] = "http://127.0.0.1:0",
    };

    public static async Task<IHost> ConnectAsync(string connectionString, string clusterId)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = "collab";
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                client.Services.AddSerializer(s => s.AddCollabSerialization());
            })
            .Build();
        await host.StartAsync();
        return host;
    }
}
