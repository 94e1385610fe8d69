namespace CollabPlatform.Deployment.Tests.Rendering;

/// <summary>A container image reference split into repository, tag and digest.</summary>
public static class ImageReference
{
    /// <summary>
    /// Splits <c>registry[:port]/path[:tag][@digest]</c>. A colon belongs to the tag only after the
    /// last slash, so a registry port is not mistaken for one.
    /// </summary>
    public static (string Repository, string? Tag, string? Digest) Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            image = image[..at];
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..], digest) : (image, null, digest);
    }
}
