namespace CollabPlatform.Domain.Common;

/// <summary>ISO 3166-1 alpha-2 codes the rules refer to by name.</summary>
internal static class Countries
{
    /// <summary>The local side of every KSDPL/KSDLL partnership (PP 28/2018).</summary>
    public const string Indonesia = "ID";
}
