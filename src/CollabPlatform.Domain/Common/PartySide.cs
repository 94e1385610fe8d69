namespace CollabPlatform.Domain.Common;

/// <summary>Which party a person speaks for.</summary>
public enum PartySide
{
    /// <summary>The Indonesian region (or its province and ministries).</summary>
    Local,

    /// <summary>The foreign government or institution.</summary>
    Foreign,
}
