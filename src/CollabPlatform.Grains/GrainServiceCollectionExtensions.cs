using CollabPlatform.Domain.Regions;
using CollabPlatform.Grains.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CollabPlatform.Grains;

/// <summary>Services the grains depend on.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// The key of the clock grains decide with. It is separate from the TimeProvider Orleans itself
    /// runs on, so that tests can move the domain's time without stalling the runtime's timers.
    /// </summary>
    public const string ClockKey = "collab";

    public static IServiceCollection AddCollabGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(RegionCatalog.Default);
        services.TryAddKeyedSingleton(ClockKey, TimeProvider.System);
        services.AddOptions<DeadlineOptions>();
        services.AddSingleton<IIncomingGrainCallFilter, DatabaseFailureFilter>();
        return services;
    }
}
