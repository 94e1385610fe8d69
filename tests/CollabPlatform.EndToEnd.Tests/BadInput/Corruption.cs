namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>
/// One way to make a valid request invalid, e.g. "title has 201 characters". Each corruption is
/// invalid on its own, so any combination of them is too.
/// </summary>
/// <param name="Name">What it does, for the failure message.</param>
/// <param name="Apply">Changes the request.</param>
/// <param name="Removes">Removes a whole part of the request; applied after the others, which may write into that part.</param>
public sealed record Corruption<T>(string Name, Action<T> Apply, bool Removes = false)
{
    /// <summary>
    /// The request field this corruption breaks, in proto names (<c>meeting.participants</c>), when
    /// its name starts with one: the part before <c>=</c>, cut at the first <c>[]</c>.
    /// </summary>
    public string? Field
    {
        get
        {
            var end = Name.IndexOf('=', StringComparison.Ordinal);
            var path = end < 0 ? Name : Name[..end];
            if (path.Contains(' ', StringComparison.Ordinal))
            {
                return null;
            }

            var list = path.IndexOf("[]", StringComparison.Ordinal);
            return list < 0 ? path : path[..list];
        }
    }

    public override string ToString() => Name;
}
