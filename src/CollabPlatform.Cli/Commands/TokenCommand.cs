using System.CommandLine;
using CollabPlatform.Api.Identity;
using CollabPlatform.Cli.Client;
using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.Regions;

namespace CollabPlatform.Cli.Commands;

/// <summary>
/// <c>collab token</c>: mints a development token with the Host's development key, e.g.
/// <c>collab token --region ID-33.10 --role region-official</c>. It prints the JWT and nothing else,
/// so that it can be captured: <c>export COLLAB_TOKEN=$(collab token ...)</c>.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var settings = new TokenSettings();
        var role = new Option<string>("--role")
        {
            Description = $"the caller's role: {string.Join(", ", RoleNames.TokenRoles)}",
            Required = true,
        };
        var region = new Option<string?>("--region") { Description = "the caller's region (its jurisdiction), e.g. ID-33.10" };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "the caller's jurisdiction when it is not a region, e.g. MINISTRY-ID" };
        var subject = new Option<string?>("--subject") { Description = "who the token names (sub), recorded on every change; default <role>:<jurisdiction>, e.g. official:ID-33.10" };
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = "how long the token is valid, e.g. 08:00:00 (default 8 hours, at most 30 days)",
            DefaultValueFactory = _ => TimeSpan.FromHours(8),
        };
        var command = new Command("token", "Mint a development token with the Host's development key (printed alone, for COLLAB_TOKEN)")
        {
            role, region, jurisdiction, subject, lifetime,
        };
        settings.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var principal = Principal(parseResult.GetValue(role), parseResult.GetValue(region) ?? parseResult.GetValue(jurisdiction), parseResult.GetValue(subject), out var problem);
            var validFor = parseResult.GetValue(lifetime);
            if (principal is null || validFor <= TimeSpan.Zero || validFor > TimeSpan.FromDays(30))
            {
                await error.WriteLineAsync(problem ?? "error: --lifetime must be more than 0 and at most 30 days, e.g. 08:00:00");
                return 2;
            }

            using var key = settings.LoadKey(parseResult, out var keyProblem);
            if (key is null)
            {
                await error.WriteLineAsync(keyProblem);
                return 2;
            }

            var token = TokenIssuer.Issue(key.SigningCredentials, parseResult.GetValue(settings.Issuer)!, parseResult.GetValue(settings.Audience)!, principal, DateTimeOffset.UtcNow, validFor);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(token);
            return 0;
        });
        return command;
    }

    private static Principal? Principal(string? roleName, string? jurisdiction, string? subject, out string? problem)
    {
        problem = null;
        if (!RoleNames.TryParse(roleName, out var role))
        {
            problem = $"error: --role must be one of {string.Join(", ", RoleNames.TokenRoles)}";
            return null;
        }

        if (role != Role.Admin)
        {
            var isMinistry = jurisdiction is not null && Jurisdictions.IsMinistry(jurisdiction);
            var isRegion = jurisdiction is not null && RegionId.TryParse(jurisdiction, out var id, out _) && RegionCatalog.Default.Contains(id);
            if (role == Role.RegionOfficial ? !isRegion : role == Role.Ministry ? !isMinistry : !(isRegion || isMinistry))
            {
                problem = role switch
                {
                    Role.RegionOfficial => "error: a region-official token needs --region with a region id from the catalogue, e.g. --region ID-33.10",
                    Role.Ministry => "error: a ministry token needs --jurisdiction MINISTRY-<country>, e.g. --jurisdiction MINISTRY-ID",
                    _ => $"error: a {roleName} token needs --region (e.g. ID-33) or --jurisdiction (e.g. MINISTRY-ID)",
                };
                return null;
            }
        }

        var scope = role == Role.Admin ? null : jurisdiction;
        var name = subject is { Length: > 0 } given ? given : role switch
        {
            Role.RegionOfficial => $"official:{scope}",
            Role.Admin => "admin",
            _ => $"{roleName}:{scope}",
        };
        if (name.Length > TokenClaims.MaxSubjectLength || name != name.Trim() || name.Any(char.IsControl))
        {
            problem = $"error: --subject must be 1 to {TokenClaims.MaxSubjectLength} printable characters without surrounding spaces";
            return null;
        }

        return new Principal(name, role, scope);
    }
}
