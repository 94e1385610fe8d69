using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Persistence.ReadModels;

/// <summary>What a facilitator's dashboard shows for one scope, as the read model holds it.</summary>
/// <param name="Cursor">The feed horizon taken before anything else was read.</param>
/// <param name="ByStage">Partnerships per stage (domain stage names).</param>
/// <param name="BySector">Partnerships per priority sector (domain sector names); a partnership counts once per sector.</param>
/// <param name="ExpiringCount">Live partnerships whose validity ends within the horizon.</param>
/// <param name="ReportsOverdueCount">Programme reports past their due date.</param>
/// <param name="RecentActivity">The newest events of the scope, newest first.</param>
public sealed record DashboardData(
    LedgerCursor Cursor,
    IReadOnlyDictionary<string, int> ByStage,
    IReadOnlyDictionary<string, int> BySector,
    int ExpiringCount,
    int ReportsOverdueCount,
    IReadOnlyList<StoredLedgerEvent> RecentActivity);
