using System.Text.RegularExpressions;
using CollabPlatform.Security.Tests.Infrastructure;

namespace CollabPlatform.Security.Tests.Surfaces;

/// <summary>
/// The dashboard as a browser fetches it: every file comes with headers that forbid framing,
/// inline script, content sniffing and leaking the page's address, and the page has no inline script.
/// </summary>
public sealed class DashboardHeadersTests : IAsyncLifetime
{
    private SecureHost? _host;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync("dash-headers");

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/js/app.js")]
    [InlineData("/dashboard.css")]
    public async Task Get_DashboardFile_CarriesTheSecurityHeaders(string path)
    {
        using var http = new HttpClient { BaseAddress = _host!.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        var policy = Header(response, "Content-Security-Policy");
        Assert.NotNull(policy);
        var directives = policy!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.Ordinal);
        Assert.Equal("frame-ancestors 'none'", directives.GetValueOrDefault("frame-ancestors"));
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        Assert.NotNull(scripts);
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scripts, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Get_Page_HasNoInlineScriptOrHandler()
    {
        using var http = new HttpClient { BaseAddress = _host!.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        var scripts = Regex.Matches(page, "<script\\b[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Matches("\\bsrc=", s.Value[..(s.Value.IndexOf('>', StringComparison.Ordinal) + 1)]));
        Assert.All(scripts, s => Assert.True(string.IsNullOrWhiteSpace(s.Groups["body"].Value), $"inline script: {s.Value}"));
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+\\s*=", page);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
