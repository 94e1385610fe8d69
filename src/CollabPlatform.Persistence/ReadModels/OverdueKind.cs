namespace CollabPlatform.Persistence.ReadModels;

/// <summary>What an overdue item is; the numbers order the items of one due date.</summary>
public enum OverdueKind
{
    /// <summary>A programme report was not submitted by its due date.</summary>
    Report = 1,

    /// <summary>A programme milestone was not reached by its due date.</summary>
    Milestone = 2,
}
