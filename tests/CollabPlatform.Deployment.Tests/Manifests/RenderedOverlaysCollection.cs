namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>The test classes that read rendered overlays; they share one <see cref="RenderedOverlays"/>.</summary>
[CollectionDefinition(RenderedOverlays.Collection)]
public sealed class RenderedOverlaysCollection : ICollectionFixture<RenderedOverlays>;
