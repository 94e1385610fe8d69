using CollabPlatform.Api.Errors;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Api.Services;

/// <summary>
/// Catalogue look-ups of ids that validation found well formed: an unknown region is NOT_FOUND
/// (REGION_NOT_FOUND), never INVALID_ARGUMENT and never a grain call.
/// </summary>
internal static class CatalogChecks
{
    /// <summary>The region, or NOT_FOUND naming the field it came from.</summary>
    public static Region Require(this RegionCatalog catalog, RegionId id, string field) =>
        catalog.TryGet(id, out var region) ? region : throw RpcErrors.RegionNotFound(id.ToString(), field);

    /// <summary>A validated jurisdiction (a ministry, or a region the catalogue has), returned in its canonical spelling.</summary>
    public static string RequireJurisdiction(this RegionCatalog catalog, string jurisdiction, string field)
    {
        if (Jurisdictions.IsMinistry(jurisdiction))
        {
            return jurisdiction;
        }

        return catalog.Require(RegionId.Parse(jurisdiction), field).Id.ToString();
    }

    /// <summary>The region and every region under it.</summary>
    public static IReadOnlyList<string> Subtree(this RegionCatalog catalog, RegionId root)
    {
        var ids = new List<string>();
        var pending = new Stack<RegionId>();
        pending.Push(root);
        while (pending.TryPop(out var id))
        {
            ids.Add(id.ToString());
            foreach (var child in catalog.ChildrenOf(id))
            {
                pending.Push(child.Id);
            }
        }

        return ids;
    }
}
