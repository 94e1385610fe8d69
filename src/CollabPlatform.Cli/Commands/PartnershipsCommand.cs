using System.CommandLine;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Cli.Commands;

/// <summary><c>collab partnerships list|show|advance</c>: read partnerships and move them to their next stage.</summary>
internal static class PartnershipsCommand
{
    public static Command Create()
    {
        var command = new Command("partnerships", "Read partnerships and move them through their lifecycle");
        command.Add(List());
        command.Add(Show());
        command.Add(Advance());
        return command;
    }

    private static Command List()
    {
        var options = new ClientOptions();
        var region = new Option<string?>("--region") { Description = "only partnerships with a party that is this region or lies under it, e.g. ID-33" };
        var facilitator = new Option<string?>("--facilitator") { Description = "only partnerships this jurisdiction facilitates, e.g. ID-33 or MINISTRY-ID" };
        var stage = new Option<PartnershipStage[]>("--stage") { Description = "only these stages, e.g. --stage LetterOfIntent --stage Signed" };
        var command = new Command("list", "List partnerships, all pages, ordered by id") { region, facilitator, stage };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var request = new ListPartnershipsRequest
            {
                RegionId = call.ParseResult.GetValue(region) ?? string.Empty,
                FacilitatorId = call.ParseResult.GetValue(facilitator) ?? string.Empty,
                Stages = { call.ParseResult.GetValue(stage) ?? [] },
                PageSize = 200,
            };
            var all = new ListPartnershipsResponse();
            do
            {
                var page = await call.Client.Partnerships.ListPartnershipsAsync(request, cancellationToken: cancellationToken);
                all.Partnerships.AddRange(page.Partnerships);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(all));
                return;
            }

            if (all.Partnerships.Count == 0)
            {
                await call.Output.WriteLineAsync("no partnerships");
                return;
            }

            foreach (var p in all.Partnerships)
            {
                await call.Output.WriteLineAsync($"{p.Id,-20} {p.Stage,-16} {p.LocalRegionId,-10} {Text.Counterpart(p.Counterpart),-30} {p.Title}");
            }
        });
        return command;
    }

    private static Command Show()
    {
        var options = new ClientOptions();
        var id = new Argument<string>("partnership-id") { Description = "e.g. P-1" };
        var command = new Command("show", "Show one partnership with its documents, meetings and history") { id };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var p = (await call.Client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = call.ParseResult.GetValue(id) ?? string.Empty }, cancellationToken: cancellationToken)).Partnership;
            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(p));
                return;
            }

            var o = call.Output;
            await o.WriteLineAsync($"{p.Id}  {p.Title}");
            await o.WriteLineAsync($"  {p.Kind}, stage {p.Stage}, version {p.Version}");
            await o.WriteLineAsync($"  {p.LocalRegionId} with {Text.Counterpart(p.Counterpart)}");
            if (p.PrioritySectors.Count > 0)
            {
                await o.WriteLineAsync($"  sectors: {string.Join(", ", p.PrioritySectors)}");
            }

            if (p.Validity is { } validity)
            {
                await o.WriteLineAsync($"  in force {Text.Date(validity.EffectiveDate)} to {Text.Date(validity.ExpiryDate)}");
            }

            foreach (var f in p.Facilitators)
            {
                await o.WriteLineAsync($"  facilitator {f.JurisdictionId}: {f.Role}");
            }

            foreach (var d in p.Documents)
            {
                var supersedes = d.SupersedesDocumentId.Length > 0 ? $" (supersedes {d.SupersedesDocumentId})" : string.Empty;
                await o.WriteLineAsync($"  document {d.Id} {d.Kind} {Text.Date(d.Date)} {d.Place}: {d.Title}{supersedes}");
            }

            foreach (var m in p.Meetings)
            {
                await o.WriteLineAsync($"  meeting {m.Id} {Text.Date(m.Date)} {m.Mode}: {m.Outcome}");
                foreach (var step in m.NextSteps)
                {
                    await o.WriteLineAsync($"    next: {step.Description} {(step.TargetDate is null ? string.Empty : Text.Date(step.TargetDate))}".TrimEnd());
                }
            }

            foreach (var h in p.History)
            {
                var move = h.ToStage == PartnershipStage.Unspecified ? string.Empty
                    : h.FromStage == PartnershipStage.Unspecified ? $" at {h.ToStage}"
                    : $" {h.FromStage} -> {h.ToStage}";
                await o.WriteLineAsync($"  #{h.Sequence} {h.OccurredAt?.ToDateTimeOffset():u} {h.EventType}{move} by {h.Actor} {h.Note}".TrimEnd());
            }
        });
        return command;
    }

    private static Command Advance()
    {
        var options = new ClientOptions();
        var change = new ChangeOptions();
        var id = new Argument<string>("partnership-id") { Description = "e.g. P-BUI5KW7OK7PBTAYC" };
        var to = new Option<PartnershipStage>("--to")
        {
            Description = "the stage to move to, e.g. LetterOfIntent, CooperationPlan, CouncilApproval, CentralReview, Drafting, Signed",
            Required = true,
        };
        var note = new Option<string?>("--note") { Description = "why, in a line, recorded with the change" };
        var command = new Command("advance", "Move a partnership to another stage of its lifecycle (the server checks the documents it needs)") { id, to, note };
        options.AddTo(command);
        change.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var request = new AdvanceStageRequest
            {
                RequestId = await change.RequestIdAsync(call),
                PartnershipId = call.ParseResult.GetValue(id) ?? string.Empty,
                ExpectedVersion = call.ParseResult.GetValue(change.ExpectedVersion),
                TargetStage = call.ParseResult.GetValue(to),
                Note = call.ParseResult.GetValue(note) ?? string.Empty,
            };
            var p = (await call.Client.Partnerships.AdvanceStageAsync(request, cancellationToken: cancellationToken)).Partnership;
            await call.Output.WriteLineAsync(call.Format == OutputFormat.Json
                ? ClientCommand.ToJson(p)
                : $"{p.Id} is now at {p.Stage} (version {p.Version})");
        });
        return command;
    }
}
