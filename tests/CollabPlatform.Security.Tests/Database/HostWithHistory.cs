using CollabPlatform.Contracts.V1;
using CollabPlatform.Domain.Access;
using CollabPlatform.EndToEnd.Tests.Infrastructure;
using CollabPlatform.Security.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace CollabPlatform.Security.Tests.Database;

/// <summary>A Host on a private database, with one partnership proposed, documented and advanced, so that there is history to attack.</summary>
public sealed class HostWithHistory : IAsyncLifetime
{
    private SecureHost? _host;
    private GrpcChannel? _channel;

    public SecureHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _host = await SecureHost.StartAsync("append-only");
        _channel = GrpcChannel.ForAddress(_host.GrpcAddress);
        await ProposeAndAdvanceAsync("first");
    }

    /// <summary>Proposes a Surakarta tie, attaches its letter of intent and advances it to LETTER_OF_INTENT; returns its id and version.</summary>
    public async Task<(string PartnershipId, long Version)> ProposeAndAdvanceAsync(string label)
    {
        var client = new PartnershipService.PartnershipServiceClient(_channel);
        var official = new Metadata { { "authorization", "Bearer " + TestSigningKey.Token(new Principal("official:ID-33.72", Role.RegionOfficial, "ID-33.72")) } };
        var request = $"append-only-{label}-{Guid.NewGuid():N}"[..40];
        var proposed = await client.ProposePartnershipAsync(
            new ProposePartnershipRequest
            {
                RequestId = request + "p",
                Kind = PartnershipKind.SisterCity,
                Title = "Surakarta – Xi'an sister city",
                LocalRegionId = "ID-33.72",
                Counterpart = new Counterpart { ForeignRegionId = "CN-610100" },
                InitialStage = PartnershipStage.Exploration,
            },
            official);
        var id = proposed.Partnership.Id;
        await client.AttachDocumentAsync(
            new AttachDocumentRequest
            {
                RequestId = request + "d",
                PartnershipId = id,
                Document = new Document
                {
                    Kind = DocumentKind.LetterOfIntent,
                    Date = new Google.Type.Date { Year = 2015, Month = 9, Day = 25 },
                    Place = "Xi'an",
                    Title = "Letter of Intent between Surakarta and Xi'an",
                    Signatories =
                    {
                        new Person { Name = "F.X. Hadi Rudyatmo", Title = "Wali Kota Surakarta", Side = PartySide.Local },
                        new Person { Name = "Mayor of Xi'an", Title = "Mayor of Xi'an", Side = PartySide.Foreign },
                    },
                },
            },
            official);
        var advanced = await client.AdvanceStageAsync(
            new AdvanceStageRequest { RequestId = request + "a", PartnershipId = id, TargetStage = PartnershipStage.LetterOfIntent },
            official);
        return (id, advanced.Partnership.Version);
    }

    /// <summary>How many ledger events and audit records there are (of one partnership, or all).</summary>
    public async Task<(long Ledger, long Audit)> CountHistoryAsync(string? partnershipId = null)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM collab_ledger WHERE $1::text IS NULL OR partnership_id = $1), (SELECT count(*) FROM collab_audit WHERE $1::text IS NULL OR partnership_id = $1)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)partnershipId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
