using System.Collections.Concurrent;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CsCheck;
using Grpc.Core;
using Xunit.Abstractions;

namespace CollabPlatform.EndToEnd.Tests.BadInput;

/// <summary>
/// Sends generated bad requests to one RPC and checks the answer DESIGN.md §5 promises: a client
/// error (never UNKNOWN, INTERNAL or UNAVAILABLE), a google.rpc.BadRequest with field violations
/// for INVALID_ARGUMENT (naming the broken field when only one was broken), and a Host that is
/// still up and serving afterwards.
/// </summary>
public static class BadInputRunner
{
    /// <summary>Iterations per RPC: enough to hit every corruption and many combinations, within the suite's two minutes.</summary>
    public const int Iterations = 200;

    /// <summary>
    /// The answers bad input may get. The calls come from a region's official, who hears
    /// PERMISSION_DENIED (not NOT_FOUND) for a well-formed id that names no partnership, so that an
    /// outsider cannot tell a missing partnership from someone else's (README "Roles").
    /// </summary>
    public static readonly StatusCode[] ClientErrors = [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.PermissionDenied];

    /// <summary>Requests made of a fresh valid baseline and one to three corruptions, each invalid on its own.</summary>
    public static Gen<BadCase<T>> Cases<T>(Func<T> baseline, params Gen<Corruption<T>>[] corruptions) =>
        Gen.OneOf(corruptions).Array[1, 3].Select(chosen =>
        {
            var request = baseline();
            foreach (var corruption in chosen.OrderBy(c => c.Removes))
            {
                corruption.Apply(request);
            }

            var single = chosen.Select(c => c.Name).Distinct().Count() == 1 ? chosen[0].Field : null;
            return new BadCase<T>(request, string.Join(" + ", chosen.Select(c => c.Name)), single);
        });

    /// <summary>A corruption that sets a generated value.</summary>
    public static Gen<Corruption<T>> Set<T, TValue>(string field, Gen<TValue> values, Action<T, TValue> apply) =>
        values.Select(v => new Corruption<T>($"{field}={Show(v)}", r => apply(r, v)));

    /// <summary>A fixed corruption.</summary>
    public static Gen<Corruption<T>> Fixed<T>(string name, Action<T> apply, bool removes = false) =>
        Gen.Const(new Corruption<T>(name, apply, removes));

    /// <summary>Runs <paramref name="iterations"/> generated cases against <paramref name="call"/> and checks every answer and the Host.</summary>
    public static async Task RunAsync<T>(ApiHostFixture host, ITestOutputHelper output, string rpc, Gen<BadCase<T>> cases, Func<T, Task> call, int iterations = Iterations)
    {
        var statuses = new ConcurrentDictionary<StatusCode, int>();
        await cases.SampleAsync(
            async bad =>
            {
                var phase = $"{rpc} with {bad.Description}";
                try
                {
                    await call(bad.Request);
                }
                catch (RpcException ex)
                {
                    statuses.AddOrUpdate(ex.StatusCode, 1, (_, n) => n + 1);
                    Assert.True(ClientErrors.Contains(ex.StatusCode), $"{phase}: answered {ex.StatusCode} \"{ex.Status.Detail}\"; bad input must get a client error ({string.Join(", ", ClientErrors)})");
                    if (ex.StatusCode == StatusCode.InvalidArgument)
                    {
                        var badRequest = RpcAssert.HasBadRequest(ex, phase);
                        if (bad.Field is { } field)
                        {
                            RpcAssert.NamesFieldOrItsParent(badRequest, field, phase);
                        }
                    }

                    return;
                }

                Assert.Fail($"{phase}: the server accepted it");
            },
            iter: iterations,
            threads: 4,
            print: bad => bad.Description);
        output.WriteLine($"{rpc}: {iterations} bad requests -> {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}");
        await host.AssertHealthyAsync($"after {iterations} bad {rpc} calls");
    }

    private static string Show<TValue>(TValue value) => value switch
    {
        string { Length: > 40 } s => $"<{s.Length} chars>",
        string s => $"\"{s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)}\"",
        Google.Type.Date d => $"{d.Year}-{d.Month}-{d.Day}",
        System.Collections.ICollection c => $"<{c.Count} items>",
        _ => $"{value}",
    };
}
