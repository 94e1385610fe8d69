using System.Collections.Frozen;
using CollabPlatform.Deployment.Tests.Rendering;

namespace CollabPlatform.Deployment.Tests.Manifests;

/// <summary>
/// The base and every overlay of k8s/overlays, each rendered once per test run by <c>kubectl kustomize</c>.
/// Where kubectl cannot render them, every test asking for an overlay fails with the one-line reason
/// (which says what to install): nothing is skipped and nothing passes unchecked.
/// </summary>
public sealed class RenderedOverlays : IAsyncLifetime
{
    /// <summary>The xunit collection whose classes share this fixture.</summary>
    public const string Collection = "kubectl kustomize";

    private readonly Func<string, string?> _environment;
    private FrozenDictionary<string, Overlay> _overlays = FrozenDictionary<string, Overlay>.Empty;
    private Exception? _failure;

    public RenderedOverlays()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Renders with the kubectl that <paramref name="environment"/> leads to (tests point it at a missing one).</summary>
    internal RenderedOverlays(Func<string, string?> environment) => _environment = environment;

    /// <summary>The kubectl binary that rendered the overlays.</summary>
    public string? KubectlPath { get; private set; }

    /// <summary>Every rendered overlay, the base included.</summary>
    public IReadOnlyCollection<Overlay> All => Available().Values;

    /// <summary>An overlay (or <see cref="Overlay.Base"/>) by name.</summary>
    public Overlay this[string name] =>
        Available().TryGetValue(name, out var overlay) ? overlay : throw new ArgumentException($"no overlay {name} under k8s/overlays", nameof(name));

    public async Task InitializeAsync()
    {
        try
        {
            var kubectl = Kubectl.Locate(_environment);
            await kubectl.RequireKustomizeV5Async(CancellationToken.None);
            KubectlPath = kubectl.Executable;
            var rendered = await Task.WhenAll(Overlay.NamesWithBase.Select(async name =>
                new Overlay(name, Yaml.ParseDocuments(await kubectl.KustomizeAsync(Overlay.FolderOf(name), CancellationToken.None), $"kubectl kustomize {Overlay.FolderOf(name)}"))));
            _overlays = rendered.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            _failure = ex;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private FrozenDictionary<string, Overlay> Available() =>
        _failure is null ? _overlays : throw new InvalidOperationException(_failure.Message);
}
