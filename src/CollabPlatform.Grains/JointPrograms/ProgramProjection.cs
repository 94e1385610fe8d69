using System.Text.Json;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Persistence.Ledger;

namespace CollabPlatform.Grains.JointPrograms;

/// <summary>The read-model row of a joint programme, mapped in one place.</summary>
internal static class ProgramProjection
{
    public static ProgramRow ToRow(JointProgram program, IReadOnlyList<string> jurisdictions) => new()
    {
        ProgramId = program.Id,
        PartnershipId = program.PartnershipId,
        Version = program.Version,
        Sector = program.Sector.ToString(),
        Status = program.Status.ToString(),
        Title = program.Title,
        Jurisdictions = jurisdictions,
        NextReportDue = program.IsFinal ? null : program.NextReportDue,
        ReportOverdue = !program.IsFinal && program.LastOverdueDueDate == program.NextReportDue,
        CreatedAt = program.CreatedAt,
        UpdatedAt = program.UpdatedAt,
        Summary = JsonSerializer.Serialize(
            new
            {
                program.Id,
                program.PartnershipId,
                program.Version,
                program.Sector,
                program.Status,
                program.Title,
                program.StartDate,
                program.EndDate,
                NextReportDue = program.IsFinal ? (DateOnly?)null : program.NextReportDue,
                program.UpdatedAt,
            },
            DomainJson.Options),
    };
}
