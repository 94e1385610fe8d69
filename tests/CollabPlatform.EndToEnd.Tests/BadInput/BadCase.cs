namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>A generated bad request and the corruptions that made it.</summary>
/// <param name="Request">The request to send.</param>
/// <param name="Description">The corruptions, for failure messages.</param>
/// <param name="Field">The one field broken, when a single corruption made the request and it names one.</param>
public sealed record BadCase<T>(T Request, string Description, string? Field)
{
    public override string ToString() => Description;
}
