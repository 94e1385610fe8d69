namespace CollabPlatform.Persistence.ReadModels;

/// <summary>The paging rule of every list (protos/README.md): 0 means 50, more than 200 means 200.</summary>
public static class PageSizes
{
    public const int Default = 50;

    public const int Max = 200;

    /// <summary>The page size to use for a requested one that is not negative.</summary>
    public static int Normalize(int requested) => requested switch
    {
        <= 0 => Default,
        > Max => Max,
        _ => requested,
    };
}
