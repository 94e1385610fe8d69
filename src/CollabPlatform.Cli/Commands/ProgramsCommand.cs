using System.CommandLine;
using System.Globalization;
using CollabPlatform.Cli.Client;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Cli.Commands;

/// <summary><c>collab programs list|show|report</c>: the joint programmes under partnerships, and their progress reports.</summary>
internal static class ProgramsCommand
{
    private const int BarWidth = 20;

    public static Command Create()
    {
        var command = new Command("programs", "Read joint programmes and submit their progress reports");
        command.Add(List());
        command.Add(Show());
        command.Add(Report());
        return command;
    }

    private static Command List()
    {
        var options = new ClientOptions();
        var partnership = new Option<string?>("--partnership") { Description = "only the programmes of this partnership, e.g. P-BUI5KW7OK7PBTAYC" };
        var sector = new Option<Sector?>("--sector") { Description = "only this sector, e.g. Culture" };
        var status = new Option<JointProgramStatus?>("--status") { Description = "only this status, e.g. Active" };
        var command = new Command("list", "List joint programmes, all pages") { partnership, sector, status };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var request = new ListJointProgramsRequest
            {
                PartnershipId = call.ParseResult.GetValue(partnership) ?? string.Empty,
                Sector = call.ParseResult.GetValue(sector) ?? Sector.Unspecified,
                Status = call.ParseResult.GetValue(status) ?? JointProgramStatus.Unspecified,
                PageSize = 200,
            };
            var all = new ListJointProgramsResponse();
            do
            {
                var page = await call.Client.JointPrograms.ListJointProgramsAsync(request, cancellationToken: cancellationToken);
                all.JointPrograms.AddRange(page.JointPrograms);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(all));
                return;
            }

            if (all.JointPrograms.Count == 0)
            {
                await call.Output.WriteLineAsync("no joint programmes");
                return;
            }

            foreach (var j in all.JointPrograms)
            {
                await call.Output.WriteLineAsync($"{j.Id,-20} {j.Status,-10} {j.Sector,-14} {j.PartnershipId,-20} next report {Text.Date(j.NextReportDue)}  {j.Title}");
            }
        });
        return command;
    }

    private static Command Show()
    {
        var options = new ClientOptions();
        var id = new Argument<string>("program-id") { Description = "e.g. J-..." };
        var command = new Command("show", "Show one joint programme: milestones, indicators against their targets, reports and evaluations") { id };
        options.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var j = (await call.Client.JointPrograms.GetJointProgramAsync(new GetJointProgramRequest { JointProgramId = call.ParseResult.GetValue(id) ?? string.Empty }, cancellationToken: cancellationToken)).JointProgram;
            if (call.Format == OutputFormat.Json)
            {
                await call.Output.WriteLineAsync(ClientCommand.ToJson(j));
                return;
            }

            var o = call.Output;
            await o.WriteLineAsync($"{j.Id}  {j.Title}");
            await o.WriteLineAsync($"  {j.Sector}, {j.Status}, under {j.PartnershipId}, version {j.Version}");
            await o.WriteLineAsync($"  from {Text.Date(j.StartDate)} to {Text.Date(j.EndDate)}; reports every {j.ReportingPeriodMonths} months, next due {Text.Date(j.NextReportDue)}");
            foreach (var m in j.Milestones)
            {
                var done = m.CompletedDate is null ? "open" : $"done {Text.Date(m.CompletedDate)}";
                await o.WriteLineAsync($"  milestone {m.Id} due {Text.Date(m.DueDate)} ({done}): {m.Title}");
            }

            foreach (var i in j.Indicators)
            {
                await o.WriteLineAsync($"  indicator {i.Id} {Progress(i)} {i.Name}");
            }

            foreach (var r in j.Reports)
            {
                await o.WriteLineAsync($"  report {r.Id} {Text.Date(r.PeriodStart)} to {Text.Date(r.PeriodEnd)}{(r.Author.Length > 0 ? $" by {r.Author}" : string.Empty)}: {r.Summary}");
            }

            foreach (var e in j.Evaluations)
            {
                var score = e.HasScore ? string.Create(CultureInfo.InvariantCulture, $" score {e.Score:0.##}") : string.Empty;
                await o.WriteLineAsync($"  evaluation {e.Id} {Text.Date(e.Date)} by {e.Evaluator}{score}: {e.Findings}");
            }
        });
        return command;
    }

    private static Command Report()
    {
        var options = new ClientOptions();
        var change = new ChangeOptions();
        var id = new Argument<string>("program-id") { Description = "e.g. J-..." };
        var from = new Option<DateOnly>("--from") { Description = "first day of the period reported on, e.g. 2025-01-01", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "last day of the period reported on, e.g. 2025-06-30", Required = true };
        var summary = new Option<string>("--summary") { Description = "what was done in the period", Required = true };
        var author = new Option<string?>("--author") { Description = "who wrote the report, e.g. Dinas Pariwisata Kota Surakarta" };
        var command = new Command("report", "Submit a joint programme's progress report for a period") { id, from, to, summary, author };
        options.AddTo(command);
        change.AddTo(command);
        ClientCommand.SetAction(command, options, async (call, cancellationToken) =>
        {
            var request = new SubmitReportRequest
            {
                RequestId = await change.RequestIdAsync(call),
                JointProgramId = call.ParseResult.GetValue(id) ?? string.Empty,
                ExpectedVersion = call.ParseResult.GetValue(change.ExpectedVersion),
                Report = new ProgressReport
                {
                    PeriodStart = ToDate(call.ParseResult.GetValue(from)),
                    PeriodEnd = ToDate(call.ParseResult.GetValue(to)),
                    Summary = call.ParseResult.GetValue(summary) ?? string.Empty,
                    Author = call.ParseResult.GetValue(author) ?? string.Empty,
                },
            };
            var response = await call.Client.JointPrograms.SubmitReportAsync(request, cancellationToken: cancellationToken);
            await call.Output.WriteLineAsync(call.Format == OutputFormat.Json
                ? ClientCommand.ToJson(response)
                : $"report {response.ReportId} recorded on {response.JointProgram.Id}; next report due {Text.Date(response.JointProgram.NextReportDue)}");
        });
        return command;
    }

    /// <summary>An indicator's actual against its target, e.g. <c>[#######-------------]  35/100 people</c>.</summary>
    private static string Progress(Indicator indicator)
    {
        var actual = indicator.HasActual ? indicator.Actual : 0;
        var share = indicator.Target > 0 ? Math.Clamp(actual / indicator.Target, 0, 1) : 0;
        var filled = (int)Math.Round(share * BarWidth, MidpointRounding.AwayFromZero);
        var measured = indicator.HasActual ? actual.ToString("0.##", CultureInfo.InvariantCulture) : "-";
        return $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {measured}/{indicator.Target.ToString("0.##", CultureInfo.InvariantCulture)} {indicator.Unit}";
    }

    private static Google.Type.Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
