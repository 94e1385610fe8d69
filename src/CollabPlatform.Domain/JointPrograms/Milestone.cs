namespace CollabPlatform.Domain.JointPrograms;

/// <summary>A dated step of a joint programme.</summary>
/// <param name="Id">Unique within the programme.</param>
/// <param name="Title">What is to be achieved.</param>
/// <param name="Due">When, within the programme's dates.</param>
/// <param name="CompletedOn">When it was achieved, or null while open.</param>
public sealed record Milestone(string Id, string Title, DateOnly Due, DateOnly? CompletedOn = null)
{
    public bool IsCompleted => CompletedOn is not null;
}
