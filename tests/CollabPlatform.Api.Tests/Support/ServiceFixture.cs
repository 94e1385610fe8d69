using CollabPlatform.Api.Identity;
using CollabPlatform.Api.Services;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Abstractions;
using CollabPlatform.Persistence.ReadModels;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>
/// Services wired to in-memory grains. The read-model queries point at a database that does not
/// exist: a unit test that reaches one has called SQL it should not have.
/// </summary>
public sealed class ServiceFixture : IDisposable
{
    private readonly NpgsqlDataSource _nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");
    private readonly Dictionary<string, InMemoryPartnershipGrain> _partnerships = new(StringComparer.Ordinal);

    public ServiceFixture()
    {
        Grains = FakeGrainFactory.Create(Grain);
        var ledger = new LedgerQueries(_nowhere);
        Partnerships = new PartnershipGrpcService(Grains, RegionCatalog.Default, new AuthenticatedCallerAccessor(), new PartnershipQueries(_nowhere), ledger);
        Regions = new RegionGrpcService(Grains, RegionCatalog.Default, new AuthenticatedCallerAccessor());
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 8, 1, 3, 0, 0, TimeSpan.Zero));

    public IGrainFactory Grains { get; }

    public PartnershipGrpcService Partnerships { get; }

    public RegionGrpcService Regions { get; }

    /// <summary>The in-memory grain behind a partnership id, once something addressed it.</summary>
    public InMemoryPartnershipGrain PartnershipGrain(string partnershipId) => _partnerships[GrainKeys.Partnership(partnershipId)];

    public void Dispose() => _nowhere.Dispose();

    private object Grain(Type type, string key)
    {
        if (type == typeof(IPartnershipGrain))
        {
            if (!_partnerships.TryGetValue(key, out var grain))
            {
                grain = new InMemoryPartnershipGrain(GrainKeys.IdOf(key, GrainKeys.PartnershipPrefix), Clock);
                _partnerships[key] = grain;
            }

            return grain;
        }

        if (type == typeof(IRegionGrain))
        {
            return new EmptyRegionGrain(GrainKeys.IdOf(key, GrainKeys.RegionPrefix));
        }

        throw new Xunit.Sdk.XunitException($"unexpected grain {type.Name} {key}");
    }
}
