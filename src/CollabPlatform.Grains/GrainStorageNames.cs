namespace CollabPlatform.Grains;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class GrainStorageNames
{
    /// <summary>The ADO.NET provider on the project's PostgreSQL.</summary>
    public const string Default = "collab";
}
