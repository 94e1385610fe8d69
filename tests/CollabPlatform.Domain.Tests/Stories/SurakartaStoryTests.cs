using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.JointPrograms;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.JointPrograms.Events;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Stories;

/// <summary>
/// Story 2 of docs/walkthrough.md: Surakarta (Solo) has two partnerships, with Xi'an and with Zhuhai. Letters
/// of intent were signed in September 2015 and renewed in 2021 to comply with PP 28/2018; a workshop
/// on 2021-10-21 mapped tourism, culture, sport and health. Days and renewal dates not given by the
/// sources are illustrative.
/// </summary>
public sealed class SurakartaStoryTests
{
    private static readonly DateTimeOffset September2015 = new(2015, 9, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Renewal2021 = new(2021, 8, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Workshop = new(2021, 10, 21, 3, 0, 0, TimeSpan.Zero);

    private static PartnershipBuilder Tie(string id, RegionId city, string cityName, DateOnly loiDate, string loiPlace)
    {
        var builder = new PartnershipBuilder(
            new ProposePartnership
            {
                PartnershipId = id,
                Kind = PartnershipKind.SisterCity,
                Title = $"Surakarta – {cityName} sister city",
                LocalRegion = TestData.Surakarta,
                Counterpart = Counterpart.OfRegion(city),
                InitialStage = PartnershipStage.Exploration,
            },
            September2015);
        builder.Execute(new AttachDocument
        {
            DocumentId = $"{id}:loi-2015",
            Kind = DocumentKind.LetterOfIntent,
            Date = loiDate,
            Place = loiPlace,
            Title = $"Letter of Intent between Surakarta and {cityName}",
            Signatories = [TestData.Local("Mayor of Surakarta"), TestData.Foreign($"Mayor of {cityName}")],
        });
        builder.Execute(new AdvanceStage(PartnershipStage.LetterOfIntent));
        builder.At(Renewal2021).Execute(new RenewPartnership
        {
            DocumentId = $"{id}:loi-2021",
            Date = TestData.Date(2021, 8, 2),
            Title = $"Renewed Letter of Intent between Surakarta and {cityName}",
            Validity = new ValidityWindow(TestData.Date(2021, 8, 2), TestData.Date(2026, 8, 1)),
            Reason = "renewed to comply with PP 28/2018",
        });
        builder.At(Workshop).Execute(new RecordMeeting
        {
            MeetingId = $"{id}:workshop-2021-10-21",
            Date = TestData.Date(2021, 10, 21),
            Mode = MeetingMode.InPerson,
            Place = "Surakarta",
            Summary = "workshop mapping the potential of the cooperation",
        });
        builder.Execute(new UpdatePrioritySectors([Sector.Tourism, Sector.Culture, Sector.Sport, Sector.Health]));
        return builder;
    }

    private static PartnershipBuilder XiAn() => Tie("partnership:solo-xian", TestData.XiAn, "Xi'an", TestData.Date(2015, 9, 25), "Xi'an");

    private static PartnershipBuilder Zhuhai() => Tie("partnership:solo-zhuhai", TestData.Zhuhai, "Zhuhai", TestData.Date(2015, 9, 28), "Zhuhai");

    private static CreateJointProgram Programme(string id, string partnershipId, Sector sector, string title) => new()
    {
        ProgramId = id,
        PartnershipId = partnershipId,
        Sector = sector,
        Title = title,
        StartDate = TestData.Date(2022, 1, 1),
        EndDate = TestData.Date(2023, 12, 31),
        ReportingPeriodMonths = 6,
    };

    [Fact]
    public void Story_OneCityTwoPartnerships_AreIndependent()
    {
        var xian = XiAn().Build();
        var zhuhai = Zhuhai().Build();

        Assert.Equal(xian.LocalRegion, zhuhai.LocalRegion);
        Assert.NotEqual(xian.Counterpart, zhuhai.Counterpart);
        Assert.DoesNotContain(xian.Documents, d => zhuhai.Documents.Contains(d));
        Assert.All([xian, zhuhai], p => Assert.Equal(PartnershipStage.LetterOfIntent, p.Stage));
    }

    [Fact]
    public void Story_RenewalIn2021_SupersedesThe2015LetterAndKeepsIt()
    {
        var builder = XiAn();
        var partnership = builder.Build();

        var renewed = Assert.Single(builder.Events.OfType<PartnershipRenewed>());

        Assert.Equal("partnership:solo-xian:loi-2015", renewed.PreviousDocumentId);
        Assert.Equal("renewed to comply with PP 28/2018", renewed.Reason);
        Assert.Equal("partnership:solo-xian:loi-2021", partnership.CurrentLetterOfIntentId);
        Assert.Equal(["partnership:solo-xian:loi-2015", "partnership:solo-xian:loi-2021"], partnership.Documents.Select(d => d.Id));
        Assert.Equal("partnership:solo-xian:loi-2015", partnership.Documents[1].SupersedesDocumentId);
        Assert.Equal(new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero), partnership.NextDeadline);
    }

    [Fact]
    public void Story_WorkshopSectors_AreTourismCultureSportHealth()
    {
        var partnership = Zhuhai().Build();

        Assert.Equal([Sector.Tourism, Sector.Culture, Sector.Sport, Sector.Health], partnership.PrioritySectors);
        Assert.Equal(TestData.Date(2021, 10, 21), Assert.Single(partnership.Meetings).Date);
    }

    [Fact]
    public void Story_ProgrammesRunAtLetterOfIntentStage_EachUnderItsOwnPartnership()
    {
        var xian = XiAn().Build();
        var zhuhai = Zhuhai().Build();
        var ctx = TestData.Ctx(new DateTimeOffset(2022, 1, 3, 3, 0, 0, TimeSpan.Zero));

        var culture = JointProgram.Create(Programme("program:solo-xian-culture", xian.Id, Sector.Culture, "Cultural performances"), xian.Stage, ctx);
        var tourism = JointProgram.Create(Programme("program:solo-zhuhai-tourism", zhuhai.Id, Sector.Tourism, "Tourism promotion"), zhuhai.Stage, ctx);

        Assert.Equal(xian.Id, culture.AssertSingle<JointProgramEvent, ProgramCreated>().PartnershipId);
        Assert.Equal(zhuhai.Id, tourism.AssertSingle<JointProgramEvent, ProgramCreated>().PartnershipId);
    }

    [Fact]
    public void Story_ProgrammesSurviveAChangeOfMayor_AndGetAnAcademicReview()
    {
        var xian = XiAn().Build();
        var programme = new JointProgramBuilder(Programme("program:solo-xian-culture", xian.Id, Sector.Culture, "Cultural performances"), xian.Stage, new DateTimeOffset(2022, 1, 3, 3, 0, 0, TimeSpan.Zero))
            .WithStatus(JointProgramStatus.Active);
        var profile = new RegionProfile();
        var first = profile.Decide(new RecordHeadChange { RegionId = TestData.Surakarta, Head = new RegionHead("Mayor A", "Wali Kota Surakarta", TestData.Date(2016, 2, 17)) }, TestData.Catalog, TestData.Ctx());
        foreach (var e in first.AssertAccepted())
        {
            profile.Apply(e);
        }

        var second = profile.Decide(new RecordHeadChange { RegionId = TestData.Surakarta, Head = new RegionHead("Mayor B", "Wali Kota Surakarta", TestData.Date(2021, 2, 26)) }, TestData.Catalog, TestData.Ctx());
        foreach (var e in second.AssertAccepted())
        {
            profile.Apply(e);
        }

        programme.At(new DateTimeOffset(2023, 3, 1, 3, 0, 0, TimeSpan.Zero)).Execute(new RecordEvaluation
        {
            EvaluationId = "review-2023",
            Evaluator = "University review team",
            Date = TestData.Date(2023, 2, 28),
            Findings = "cultural exchange reached its audience targets; sport and health still to start",
            Score = 72,
        });

        Assert.Equal("Mayor B", profile.CurrentHead!.Name);
        Assert.Equal(PartnershipStage.LetterOfIntent, xian.Stage);
        Assert.Equal(JointProgramStatus.Active, programme.Build().Status);
        Assert.Equal("University review team", Assert.Single(programme.Build().Evaluations).Evaluator);
    }

    [Fact]
    public void Story_ProgrammeBeforeTheLetterOfIntent_IsRejected()
    {
        var decision = JointProgram.Create(Programme("program:early", "partnership:solo-xian", Sector.Culture, "Too early"), PartnershipStage.Exploration, TestData.Ctx());

        decision.AssertRejected(RejectionKind.FailedPrecondition, "letter of intent");
    }
}
