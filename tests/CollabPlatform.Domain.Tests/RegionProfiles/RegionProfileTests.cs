using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.RegionProfiles;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.RegionProfiles.Events;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.RegionProfiles;

public sealed class RegionProfileTests
{
    private static readonly RegionHead Anne = new("Anne Ratna Mustika", "Bupati Purwakarta", TestData.Date(2018, 9, 20));
    private static readonly RegionHead Saepul = new("Saepul Bahri Binzein", "Bupati Purwakarta", TestData.Date(2025, 6, 1));

    private static UpdateRegionProfile Profile => new()
    {
        RegionId = TestData.Purwakarta,
        Strengths = ["agriculture and plantations", "ceramics industry", "tourism"],
        PrioritySectors = [Sector.Agriculture, Sector.Plantation, Sector.Industry, Sector.Tourism],
        Office = new CooperationOffice("Bagian Kerja Sama Setda Purwakarta", "kerjasama@purwakartakab.go.id", "+62 264 200000", "Purwakarta"),
    };

    private static (RegionProfile Profile, List<RegionProfileEvent> Events) Run(params RegionProfileCommand[] commands)
    {
        var profile = new RegionProfile();
        var events = new List<RegionProfileEvent>();
        foreach (var command in commands)
        {
            foreach (var e in profile.Decide(command, TestData.Catalog, TestData.Ctx()).AssertAccepted())
            {
                profile.Apply(e);
                events.Add(e);
            }
        }

        return (profile, events);
    }

    [Fact]
    public void Update_ValidProfile_SetsEveryField()
    {
        var (profile, _) = Run(Profile);

        Assert.True(profile.Exists);
        Assert.Equal(TestData.Purwakarta, profile.RegionId);
        Assert.Equal(Profile.Strengths, profile.Strengths);
        Assert.Equal(Profile.PrioritySectors, profile.PrioritySectors);
        Assert.Equal(Profile.Office, profile.Office);
        Assert.Equal(1, profile.Version);
    }

    [Fact]
    public void Update_SameProfileAgain_AcceptsWithoutEvents()
    {
        var (profile, _) = Run(Profile);

        Assert.Empty(profile.Decide(Profile, TestData.Catalog, TestData.Ctx()).AssertAccepted());
    }

    [Fact]
    public void Update_UnknownRegion_IsNotFound()
    {
        var rejection = new RegionProfile().Decide(Profile with { RegionId = RegionId.Parse("ID-99.99") }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.NotFound);

        Assert.Equal("region_id", rejection.Field);
    }

    [Fact]
    public void Update_AnotherRegionsProfile_IsRejected()
    {
        var (profile, _) = Run(Profile);

        Assert.Equal("region_id", profile.Decide(Profile with { RegionId = TestData.Klaten }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Update_ForeignRegion_IsAccepted()
    {
        Run(Profile with { RegionId = TestData.NanjingCounty, Office = null });
    }

    [Theory]
    [InlineData("not-an-email", null, "office.email")]
    [InlineData(null, "call us", "office.phone")]
    public void Update_BadOfficeContact_IsRejected(string? email, string? phone, string field)
    {
        var command = Profile with { Office = new CooperationOffice("Office", email, phone) };

        Assert.Equal(field, new RegionProfile().Decide(command, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Update_OfficeWithoutName_IsRejected()
    {
        Assert.Equal("office.name", new RegionProfile().Decide(Profile with { Office = new CooperationOffice("") }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Update_BlankStrength_IsRejected()
    {
        Assert.Equal("strengths[1]", new RegionProfile().Decide(Profile with { Strengths = ["rice", " "] }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Update_RepeatedSector_IsRejected()
    {
        Assert.Equal("priority_sectors", new RegionProfile().Decide(Profile with { PrioritySectors = [Sector.Trade, Sector.Trade] }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void RecordHeadChange_First_SetsTheCurrentHeadWithoutHistory()
    {
        var (profile, _) = Run(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne });

        Assert.Equal(Anne, profile.CurrentHead);
        Assert.Empty(profile.HeadHistory);
    }

    [Fact]
    public void RecordHeadChange_Successor_ClosesThePreviousTermAndKeepsTheProfile()
    {
        var (profile, events) = Run(Profile, new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne }, new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Saepul, Note = "inaugurated" });

        var changed = Assert.IsType<RegionHeadChanged>(events[^1]);
        Assert.Equal(Anne with { TermEnd = TestData.Date(2025, 5, 31) }, changed.Previous);
        Assert.Equal(Saepul, profile.CurrentHead);
        Assert.Equal([Anne with { TermEnd = TestData.Date(2025, 5, 31) }], profile.HeadHistory);
        Assert.Equal(Profile.Strengths, profile.Strengths);
        Assert.Equal(Profile.Office, profile.Office);
    }

    [Fact]
    public void RecordHeadChange_KeepsARecordedTermEnd()
    {
        var anneWithEnd = Anne with { TermEnd = TestData.Date(2023, 9, 20) };

        var (profile, _) = Run(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = anneWithEnd }, new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Saepul });

        Assert.Equal(TestData.Date(2023, 9, 20), Assert.Single(profile.HeadHistory).TermEnd);
    }

    [Fact]
    public void RecordHeadChange_SameHeadAgain_IsAlreadyExists()
    {
        var (profile, _) = Run(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne });

        profile.Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.AlreadyExists);
    }

    [Fact]
    public void RecordHeadChange_StartingBeforeTheCurrentHead_IsRejected()
    {
        var (profile, _) = Run(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Saepul });

        profile.Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.FailedPrecondition, "not after the current head");
    }

    [Fact]
    public void RecordHeadChange_StartingInTheFuture_IsRejected()
    {
        var future = Saepul with { TermStart = TestData.Date(2025, 7, 2) };

        Assert.Equal("head.term_start", new RegionProfile().Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = future }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void RecordHeadChange_TermEndingBeforeItStarts_IsRejected()
    {
        var backwards = Anne with { TermEnd = TestData.Date(2018, 1, 1) };

        Assert.Equal("head.term_end", new RegionProfile().Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = backwards }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Theory]
    [InlineData("", "Bupati", "head.name")]
    [InlineData("Name", "", "head.title")]
    public void RecordHeadChange_WithoutNameOrTitle_IsRejected(string name, string title, string field)
    {
        var head = new RegionHead(name, title, TestData.Date(2025, 1, 1));

        Assert.Equal(field, new RegionProfile().Decide(new RecordHeadChange { RegionId = TestData.Purwakarta, Head = head }, TestData.Catalog, TestData.Ctx()).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void FromHistory_ReproducesTheLiveProfile()
    {
        var (live, events) = Run(Profile, new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Anne }, new RecordHeadChange { RegionId = TestData.Purwakarta, Head = Saepul });

        var rebuilt = RegionProfile.FromHistory(events);

        Assert.Equal((live.Exists, live.RegionId, live.Version, live.Office, live.CurrentHead, live.UpdatedAt), (rebuilt.Exists, rebuilt.RegionId, rebuilt.Version, rebuilt.Office, rebuilt.CurrentHead, rebuilt.UpdatedAt));
        Assert.Equal(live.Strengths, rebuilt.Strengths);
        Assert.Equal(live.PrioritySectors, rebuilt.PrioritySectors);
        Assert.Equal(live.HeadHistory, rebuilt.HeadHistory);
    }
}
