namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>A fact that is skipped, with the reason shown, where kubectl is not on PATH.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Executable is null)
        {
            Skip = "kubectl is not on PATH: the overlays are checked with the built-in renderer only";
        }
    }
}
