using CollabPlatform.Api.Tests.Support;
using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CollabPlatform.Api.Tests.Validation;

public sealed class RegionRequestValidatorTests
{
    [Theory]
    [InlineData("ID-33.10", true)]
    [InlineData("CN-350627", true)]
    [InlineData("", false)]
    [InlineData("id-33.10", false)]
    [InlineData("ID-3310", false)]
    [InlineData("Klaten", false)]
    public void Validate_Get_ChecksTheShapeOfTheId(string regionId, bool valid)
    {
        Assert.Equal(valid ? [] : ["region_id"], RegionRequestValidator.Validate(new GetRegionRequest { RegionId = regionId }).Fields);
    }

    [Fact]
    public void Validate_Search_NeedsAQueryAndACountryCode()
    {
        Assert.Equal(["query", "country"], RegionRequestValidator.Validate(new SearchRegionsRequest { Query = " ", Country = "China" }).Fields);
        Assert.Equal(["query"], RegionRequestValidator.Validate(new SearchRegionsRequest { Query = new string('q', 201) }).Fields);
        Assert.True(RegionRequestValidator.Validate(new SearchRegionsRequest { Query = "Kota Nanjing", Country = "CN" }).IsValid);
    }

    [Theory]
    [InlineData("ID", true)]
    [InlineData("ID-33", true)]
    [InlineData("id", false)]
    [InlineData("ID-", false)]
    [InlineData("", false)]
    public void Validate_ListChildren_AcceptsARegionOrACountry(string parent, bool valid)
    {
        Assert.Equal(valid ? [] : ["parent_id"], RegionRequestValidator.Validate(new ListChildRegionsRequest { ParentId = parent }).Fields);
    }

    [Fact]
    public void Validate_ProfileUpdate_NamesUnknownMaskPathsAndBadFields()
    {
        var request = new UpdateRegionProfileRequest
        {
            RequestId = "u",
            RegionId = "ID-33.10",
            UpdateMask = new FieldMask { Paths = { "strengths", "current_head", "cooperation_office" } },
            Profile = new RegionProfile
            {
                Strengths = { "rice and horticulture", " " },
                PrioritySectors = { Sector.Unspecified },
                CooperationOffice = new OfficeContact { Email = "kerjasama at klaten", Phone = "call us", Address = new string('a', 4001) },
            },
        };

        var violations = RegionRequestValidator.Validate(request);

        Assert.Equal(
            [
                "update_mask.paths[1]", "profile.strengths[1]", "profile.cooperation_office.office_name",
                "profile.cooperation_office.email", "profile.cooperation_office.phone", "profile.cooperation_office.address",
            ],
            violations.Fields);
    }

    [Fact]
    public void Validate_ProfileUpdateWithoutMask_ChecksEveryField()
    {
        var request = new UpdateRegionProfileRequest
        {
            RequestId = "u",
            RegionId = "ID-33.10",
            ExpectedVersion = -1,
            Profile = new RegionProfile { PrioritySectors = { (Sector)55 } },
        };

        Assert.Equal(["expected_version", "profile.priority_sectors[0]"], RegionRequestValidator.Validate(request).Fields);
        Assert.Equal(["profile"], RegionRequestValidator.Validate(new UpdateRegionProfileRequest { RequestId = "u", RegionId = "ID-33.10" }).Fields);
    }

    [Fact]
    public void Validate_ProfileUpdateWithAnEmptyOffice_ClearsItAndIsValid()
    {
        var request = new UpdateRegionProfileRequest
        {
            RequestId = "u",
            RegionId = "ID-33.10",
            UpdateMask = new FieldMask { Paths = { "cooperation_office" } },
            Profile = new RegionProfile { CooperationOffice = new OfficeContact() },
        };

        Assert.True(RegionRequestValidator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_HeadChange_NamesMissingNameTitleAndTermStart()
    {
        var violations = RegionRequestValidator.Validate(new RecordHeadChangeRequest { RequestId = "h", RegionId = "ID-32.14", NewHead = new RegionHead() });

        Assert.Equal(["new_head.name", "new_head.title", "new_head.term_start"], violations.Fields);
        Assert.Equal(["new_head"], RegionRequestValidator.Validate(new RecordHeadChangeRequest { RequestId = "h", RegionId = "ID-32.14" }).Fields);
    }

    [Fact]
    public void Validate_HeadChangeEndingBeforeItStarts_NamesTheTermEnd()
    {
        var request = new RecordHeadChangeRequest
        {
            RequestId = "h",
            RegionId = "ID-32.14",
            NewHead = new RegionHead { Name = "Saepul Bahri Binzein", Title = "Bupati", TermStart = StoryRequests.Date(2025, 2, 20), TermEnd = StoryRequests.Date(2025, 2, 20) },
        };

        Assert.Equal(["new_head.term_end"], RegionRequestValidator.Validate(request).Fields);
    }
}
