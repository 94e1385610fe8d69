namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>Collects every broken rule of one check, so that a failure lists them all at once.</summary>
public sealed class Violations(Overlay overlay)
{
    private readonly List<string> _found = [];

    /// <summary>Records <paramref name="message"/> unless <paramref name="holds"/>.</summary>
    public void Check(bool holds, string message)
    {
        if (!holds)
        {
            _found.Add(message);
        }
    }

    /// <summary>Fails the test with every recorded violation, naming the overlay.</summary>
    public void AssertNone()
    {
        if (_found.Count > 0)
        {
            Assert.Fail($"overlay {overlay.Name}:\n  - {string.Join("\n  - ", _found)}");
        }
    }
}
