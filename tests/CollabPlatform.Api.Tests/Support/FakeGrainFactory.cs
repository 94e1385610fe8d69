using System.Reflection;

namespace CollabPlatform.Api.Tests.Support;

/// <summary>
/// An IGrainFactory whose <c>GetGrain&lt;T&gt;(string key)</c> answers from a function; every other
/// member throws, so a test notices a call it did not expect.
/// </summary>
public class FakeGrainFactory : DispatchProxy
{
    private Func<Type, string, object>? _grains;

    public static IGrainFactory Create(Func<Type, string, object> grains)
    {
        var proxy = Create<IGrainFactory, FakeGrainFactory>();
        ((FakeGrainFactory)(object)proxy)._grains = grains;
        return proxy;
    }

    /// <summary>A factory that fails the test on any grain call.</summary>
    public static IGrainFactory None() =>
        Create((type, key) => throw new Xunit.Sdk.XunitException($"unexpected grain call to {type.Name} {key}"));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && args is [string key, ..])
        {
            return _grains!(targetMethod.GetGenericArguments()[0], key);
        }

        throw new NotSupportedException($"FakeGrainFactory does not implement {targetMethod?.Name}");
    }
}
