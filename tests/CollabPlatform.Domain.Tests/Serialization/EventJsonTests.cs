using System.Text.Json;
using System.Text.Json.Nodes;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Tests.Partnerships;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Serialization;

public sealed class EventJsonTests
{
    public static TheoryData<PartnershipEvent> PartnershipEvents() => new(PartnershipEventSamples());

    private static IEnumerable<PartnershipEvent> PartnershipEventSamples()
    {
        return PartnershipHistoryTests.EveryEventType().Events
            .Append(new PartnershipProposed
            {
                PartnershipId = "partnership:muara-enim",
                OccurredAt = TestData.Now,
                Actor = "official@muaraenimkab.go.id",
                Kind = PartnershipKind.Institutional,
                Title = "Muara Enim – Japanese institution",
                LocalRegion = TestData.MuaraEnim,
                Counterpart = Counterpart.OfInstitution(new Institution("Kitakyushu Urban Center", "JP", TestData.Hokkaido, "agency")),
                Stage = PartnershipStage.Exploration,
            })
            .Append(new DocumentAttached
            {
                PartnershipId = "partnership:klaten",
                OccurredAt = new DateTimeOffset(2025, 6, 24, 10, 0, 0, TimeSpan.FromHours(7)),
                Actor = "official@klatenkab.go.id",
                Document = new PartnershipDocument
                {
                    Id = "mom",
                    Kind = DocumentKind.MinutesOfMeeting,
                    Number = null,
                    Date = TestData.Date(2025, 6, 24),
                    Place = "Semarang",
                    Title = "Minutes of Meeting",
                    Signatories = [TestData.Local("Bupati of Klaten", "Bupati")],
                    Witnesses = [new Person("Governor", "Gubernur Jawa Tengah", "Pemprov Jawa Tengah", PartySide.Local)],
                    RecordedAt = TestData.Now,
                },
            });
    }

    public static TheoryData<JointProgramEvent> ProgramEvents() => new(JointProgramEventSamples());

    public static TheoryData<RegionProfileEvent> RegionEvents() => new(RegionEventSamples());

    [Theory]
    [MemberData(nameof(PartnershipEvents))]
    public void Serialize_PartnershipEventAsBaseType_RoundTripsEqualWithDiscriminator(PartnershipEvent e)
    {
        var json = JsonSerializer.Serialize(e, DomainJson.Options);

        var back = JsonSerializer.Deserialize<PartnershipEvent>(json, DomainJson.Options);

        Assert.Equal(e, back);
        Assert.Equal(EventTypeNames.Of<PartnershipEvent>(e.GetType()), JsonNode.Parse(json)!["$type"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ProgramEvents))]
    public void Serialize_JointProgramEventAsBaseType_RoundTripsEqualWithDiscriminator(JointProgramEvent e)
    {
        var json = JsonSerializer.Serialize(e, DomainJson.Options);

        var back = JsonSerializer.Deserialize<JointProgramEvent>(json, DomainJson.Options);

        Assert.Equal(e, back);
        Assert.Equal(EventTypeNames.Of<JointProgramEvent>(e.GetType()), JsonNode.Parse(json)!["$type"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(RegionEvents))]
    public void Serialize_RegionProfileEventAsBaseType_RoundTripsEqualWithDiscriminator(RegionProfileEvent e)
    {
        var json = JsonSerializer.Serialize(e, DomainJson.Options);

        var back = JsonSerializer.Deserialize<RegionProfileEvent>(json, DomainJson.Options);

        Assert.Equal(e, back);
        Assert.Equal(EventTypeNames.Of<RegionProfileEvent>(e.GetType()), JsonNode.Parse(json)!["$type"]!.GetValue<string>());
    }

    [Fact]
    public void Samples_CoverEveryDeclaredEventType()
    {
        var partnershipTypes = PartnershipEventSamples().Select(e => e.GetType()).ToHashSet();
        var programTypes = JointProgramEventSamples().Select(e => e.GetType()).ToHashSet();
        var regionTypes = RegionEventSamples().Select(e => e.GetType()).ToHashSet();

        Assert.Equal(EventTypeNames.All<PartnershipEvent>().Keys.ToHashSet(), partnershipTypes);
        Assert.Equal(EventTypeNames.All<JointProgramEvent>().Keys.ToHashSet(), programTypes);
        Assert.Equal(EventTypeNames.All<RegionProfileEvent>().Keys.ToHashSet(), regionTypes);
    }

    [Fact]
    public void Discriminators_AreTheStoredNames()
    {
        var names = EventTypeNames.All<PartnershipEvent>().Values
            .Concat(EventTypeNames.All<JointProgramEvent>().Values)
            .Concat(EventTypeNames.All<RegionProfileEvent>().Values)
            .Order(StringComparer.Ordinal);

        // These strings are in the ledger forever; a failure here means stored events would no longer load.
        Assert.Equal(
            [
                "partnership.document_attached", "partnership.expired", "partnership.facilitator_added",
                "partnership.meeting_recorded", "partnership.priority_sectors_changed", "partnership.proposed",
                "partnership.renewed", "partnership.stage_advanced", "partnership.terminated",
                "program.created", "program.evaluation_recorded", "program.progress_updated",
                "program.report_overdue", "program.report_submitted", "program.status_changed",
                "region.head_changed", "region.profile_updated",
            ],
            names);
    }

    [Fact]
    public void Deserialize_StoredJsonWithReorderedKeys_ReadsTheEvent()
    {
        // PostgreSQL jsonb returns keys shortest first, so "$type" is not necessarily first.
        const string stored = """{"to": "Exploration", "from": "Initiative", "note": "visit", "$type": "partnership.stage_advanced", "actor": "a", "occurredAt": "2025-03-20T02:00:00+00:00", "partnershipId": "p-1"}""";

        var e = JsonSerializer.Deserialize<PartnershipEvent>(stored, DomainJson.Options);

        var advanced = Assert.IsType<StageAdvanced>(e);
        Assert.Equal(PartnershipStage.Initiative, advanced.From);
        Assert.Equal(PartnershipStage.Exploration, advanced.To);
        Assert.Equal("visit", advanced.Note);
        Assert.Equal("p-1", advanced.PartnershipId);
    }

    [Fact]
    public void Serialize_WritesEnumNamesAndRegionIdsAsText()
    {
        var e = new PartnershipProposed
        {
            PartnershipId = "p-1",
            OccurredAt = TestData.Now,
            Actor = "a",
            Kind = PartnershipKind.FriendshipExchange,
            Title = "t",
            LocalRegion = TestData.Klaten,
            Counterpart = Counterpart.OfRegion(TestData.NanjingCounty),
            PrioritySectors = [Sector.Msme],
            Stage = PartnershipStage.Initiative,
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize<PartnershipEvent>(e, DomainJson.Options))!;

        Assert.Equal("FriendshipExchange", json["kind"]!.GetValue<string>());
        Assert.Equal("ID-33.10", json["localRegion"]!.GetValue<string>());
        Assert.Equal("CN-350627", json["counterpart"]!["region"]!.GetValue<string>());
        Assert.Equal("Msme", json["prioritySectors"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Deserialize_BadRegionId_FailsWithTheReason()
    {
        const string stored = """{"$type": "region.head_changed", "regionId": "klaten", "occurredAt": "2025-03-20T02:00:00+00:00", "actor": "a", "head": {"name": "n", "title": "t", "termStart": "2025-01-01"}}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RegionProfileEvent>(stored, DomainJson.Options));

        Assert.Contains("not a region id", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<JointProgramEvent> JointProgramEventSamples()
    {
        var at = TestData.Now;
        const string actor = "official@surakarta.go.id";
        yield return new ProgramCreated
        {
            ProgramId = "program:solo-xian-culture",
            OccurredAt = at,
            Actor = actor,
            PartnershipId = "partnership:solo-xian",
            Sector = Sector.Culture,
            Title = "Cultural exchange",
            Description = "dance troupes",
            StartDate = TestData.Date(2022, 1, 1),
            EndDate = TestData.Date(2024, 12, 31),
            Milestones = [new Milestone("m1", "Festival", TestData.Date(2022, 9, 1), TestData.Date(2022, 9, 2))],
            Indicators = [new Indicator("i1", "Visitors", "persons", 1000, 1250.5)],
            ReportingPeriodMonths = 6,
        };
        yield return new ProgressUpdated
        {
            ProgramId = "program:solo-xian-culture",
            OccurredAt = at,
            Actor = actor,
            MilestoneCompletions = [new MilestoneCompletion("m1", TestData.Date(2022, 9, 2))],
            IndicatorActuals = [new IndicatorActual("i1", 1250.5)],
            Note = "festival held",
        };
        yield return new ProgramStatusChanged { ProgramId = "p", OccurredAt = at, Actor = actor, From = JointProgramStatus.Planned, To = JointProgramStatus.Active };
        yield return new ReportSubmitted { ProgramId = "p", OccurredAt = at, Actor = actor, Report = new ProgressReport("r1", TestData.Date(2022, 1, 1), TestData.Date(2022, 6, 30), at, "first half", "Dinas Pariwisata") };
        yield return new EvaluationRecorded { ProgramId = "p", OccurredAt = at, Actor = actor, Evaluation = new Evaluation("e1", "Universitas Sebelas Maret", TestData.Date(2023, 3, 1), "academic review", 78.5) };
        yield return new ReportOverdue { ProgramId = "p", OccurredAt = at, Actor = actor, DueDate = TestData.Date(2023, 1, 1) };
    }

    private static IEnumerable<RegionProfileEvent> RegionEventSamples()
    {
        yield return new RegionProfileUpdated
        {
            RegionId = TestData.Purwakarta,
            OccurredAt = TestData.Now,
            Actor = "a",
            Strengths = ["rice terraces", "ceramics industry"],
            PrioritySectors = [Sector.Agriculture, Sector.Industry],
            Office = new CooperationOffice("Bagian Kerja Sama", "kerjasama@purwakartakab.go.id", "+62 264 200000", "Jl. Gandanegara"),
        };
        yield return new RegionHeadChanged
        {
            RegionId = TestData.Purwakarta,
            OccurredAt = TestData.Now,
            Actor = "a",
            Head = new RegionHead("Saepul Bahri Binzein", "Bupati Purwakarta", TestData.Date(2025, 6, 1)),
            Previous = new RegionHead("Anne Ratna Mustika", "Bupati Purwakarta", TestData.Date(2018, 9, 20), TestData.Date(2025, 5, 31)),
            Note = "new term",
        };
    }
}
