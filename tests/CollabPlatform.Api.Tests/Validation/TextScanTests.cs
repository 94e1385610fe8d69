using CollabPlatform.Api.Validation;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Validation;

public sealed class TextScanTests
{
    [Theory]
    [InlineData("Klaten\0", false)]
    [InlineData("bell\a", false)]
    [InlineData("\u007f", false)]
    [InlineData("line one\nline two\r\n\tindented", true)]
    [InlineData("南靖县 구례군 😀", true)]
    public void Check_FindsForbiddenCharactersAtAnyDepth(string text, bool allowed)
    {
        var request = new RecordMeetingRequest { Meeting = new Meeting { NextSteps = { new NextStep(), new NextStep { Description = text } } } };
        var violations = new Violations();

        TextScan.Check(request, violations);

        Assert.Equal(allowed ? [] : ["meeting.next_steps[1].description"], violations.Fields);
    }

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void Check_FindsHalfASurrogatePair(int half)
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold half a pair.
        var request = new AddFacilitatorRequest { Role = "facilitator " + (char)half };
        var violations = new Violations();

        TextScan.Check(request, violations);

        Assert.Equal(["role"], violations.Fields);
    }

    [Fact]
    public void Check_LooksIntoTheSetBranchOfAOneofOnly()
    {
        var request = new ProposePartnershipRequest { Counterpart = new Counterpart { Institution = new Institution { Name = "\0" } } };
        var violations = new Violations();

        TextScan.Check(request, violations);

        Assert.Equal(["counterpart.institution.name"], violations.Fields);
    }
}
