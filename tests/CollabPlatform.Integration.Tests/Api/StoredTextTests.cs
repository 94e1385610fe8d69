using System.Text.Json;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>
/// Text with SQL, markup, quotes, backslashes and characters from every plane comes back exactly as
/// it was sent: through the grain and the ledger (GetPartnership), the read model's JSON summary
/// (ListPartnerships' basic view), grain storage (a region profile), the audit log (request ids)
/// and JSON transcoding. Nothing is escaped, trimmed inside, or interpreted on the way.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class StoredTextTests(ApiHostFixture fixture)
{
    private static readonly string[] Hostile =
    [
        "Robert'); DROP TABLE collab_ledger; --",
        "<script>alert(\"x\")</script> & <b>bold</b> &amp; &lt;",
        @"C:\path\to\file \\server\share \n not a newline \u0000 \x00",
        "quotes ' \" ` ´ ‘single’ “double” «guillemets»",
        "Kerja sama 南靖县 – 전라남도 구례군 – 京都市 – Ñandú – 🏯🤝🌏",
        "percent %s %d {0} ${x} $1 ? :name @p -- /* comment */",
        "tab\there, line\nbreak, carriage\rreturn",
        "jsonb {\"$type\":\"x\",\"a\":[1,2]} null true",
    ];

    [Fact]
    public async Task HostileText_ComesBackByteForByte_FromEveryStore()
    {
        var partnerships = new PartnershipService.PartnershipServiceClient(fixture.Channel);
        var regions = new RegionService.RegionServiceClient(fixture.Channel);
        var audit = new AuditService.AuditServiceClient(fixture.Channel);
        var official = ApiRequests.AsOfficial("ID-34.02");
        var created = new List<(string Text, string Id, string RequestId)>();
        foreach (var text in Hostile)
        {
            // Request ids hold no spaces or control characters; the rest of the hostile text they may.
            var requestId = new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Take(60).ToArray()) + "#" + created.Count;
            var proposal = new ProposePartnershipRequest
            {
                RequestId = requestId,
                Kind = PartnershipKind.FriendshipExchange,
                Title = text,
                LocalRegionId = "ID-34.02",
                Counterpart = new Counterpart { ForeignRegionId = "JP-261009" },
                InitialStage = PartnershipStage.Exploration,
                Note = text,
            };
            var response = await partnerships.ProposePartnershipAsync(proposal, official);
            created.Add((text, response.Partnership.Id, requestId));
        }

        var profile = new UpdateRegionProfileRequest { RequestId = "profile-" + Guid.NewGuid(), RegionId = "ID-34.02", Profile = new RegionProfile() };
        profile.Profile.Strengths.AddRange(Hostile);
        await regions.UpdateRegionProfileAsync(profile, official);

        var listed = (await partnerships.ListPartnershipsAsync(new ListPartnershipsRequest { RegionId = "ID-34.02", PageSize = 200 }, official)).Partnerships;
        var region = (await regions.GetRegionAsync(new GetRegionRequest { RegionId = "ID-34.02" }, official)).Region;
        using var http = fixture.CreateHttpClient();
        foreach (var (text, id, requestId) in created)
        {
            var read = (await partnerships.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id }, official)).Partnership;
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/partnerships/{id}", UriKind.Relative)));
            var record = Assert.Single((await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ResourceId = id }, ApiRequests.AsAdmin())).Records);

            Assert.Equal(text, read.Title);
            Assert.Equal(text, read.History[0].Note);
            Assert.Equal(text, listed.Single(p => p.Id == id).Title);
            Assert.Equal(text, json.RootElement.GetProperty("partnership").GetProperty("title").GetString());
            Assert.Equal(requestId, record.RequestId);
        }

        Assert.Equal(Hostile, region.Profile.Strengths);
    }
}
