using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.Partnerships.Events;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Partnerships;

public sealed class AttachDocumentTests
{
    private static Decision<PartnershipEvent> Attach(PartnershipBuilder builder, AttachDocument command) =>
        builder.Build().Decide(command, TestData.Catalog, builder.Ctx);

    [Fact]
    public void Attach_ValidMinutes_RaisesDocumentAttachedStampedWithNow()
    {
        var builder = new PartnershipBuilder();
        var command = builder.Document(DocumentKind.MinutesOfMeeting, date: TestData.Date(2025, 6, 24), id: "mom-1") with
        {
            Signatories = [TestData.Local("Bupati of Klaten"), TestData.Foreign("Vice Mayor of Zhangzhou")],
        };

        var attached = Attach(builder, command).AssertSingle<PartnershipEvent, DocumentAttached>();

        Assert.Equal("mom-1", attached.Document.Id);
        Assert.Equal(DocumentKind.MinutesOfMeeting, attached.Document.Kind);
        Assert.Equal(2, attached.Document.Signatories.Count);
        Assert.Equal(TestData.Now, attached.Document.RecordedAt);
    }

    [Fact]
    public void Attach_DatedTomorrow_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(DocumentKind.LetterOfIntent, date: TestData.Date(2025, 7, 2))).AssertRejected(RejectionKind.InvalidArgument, "2025-07-02 is in the future");

        Assert.Equal("date", rejection.Field);
    }

    [Fact]
    public void Attach_DatedToday_IsAccepted()
    {
        var builder = new PartnershipBuilder();

        Attach(builder, builder.Document(DocumentKind.LetterOfIntent, date: TestData.Date(2025, 7, 1))).AssertAccepted();
    }

    [Fact]
    public void Attach_WithoutDate_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(DocumentKind.Other) with { Date = default }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("date", rejection.Field);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("place")]
    [InlineData("title")]
    public void Attach_FieldLongerThanTheNameLimit_IsRejected(string field)
    {
        var builder = new PartnershipBuilder();
        var tooLong = new string('x', DomainLimits.MaxNameLength + 1);
        var command = builder.Document(DocumentKind.Other);
        command = field switch
        {
            "number" => command with { Number = tooLong },
            "place" => command with { Place = tooLong },
            _ => command with { Title = tooLong },
        };

        var rejection = Attach(builder, command).AssertRejected(RejectionKind.InvalidArgument, "at most 200");

        Assert.Equal(field, rejection.Field);
    }

    [Fact]
    public void Attach_WithoutTitle_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("title", Attach(builder, builder.Document(DocumentKind.Other) with { Title = "" }).AssertRejected(RejectionKind.InvalidArgument).Field);
    }

    [Fact]
    public void Attach_TooManyWitnesses_IsRejected()
    {
        var builder = new PartnershipBuilder();
        var crowd = ValueList.From(Enumerable.Range(1, DomainLimits.MaxPeople + 1).Select(i => TestData.Local($"Witness {i}")));

        var rejection = Attach(builder, builder.Document(DocumentKind.Other) with { Witnesses = crowd }).AssertRejected(RejectionKind.InvalidArgument, "at most 100");

        Assert.Equal("witnesses", rejection.Field);
    }

    [Fact]
    public void Attach_SignatoryWithoutName_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(DocumentKind.Other) with { Signatories = [TestData.Local(" ")] }).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("signatories[0].name", rejection.Field);
    }

    [Fact]
    public void Attach_ValidityNotEndingAfterItStarts_IsRejected()
    {
        var builder = new PartnershipBuilder();
        var window = new ValidityWindow(TestData.Date(2025, 1, 1), TestData.Date(2025, 1, 1));

        var rejection = Attach(builder, builder.Document(DocumentKind.Agreement, window)).AssertRejected(RejectionKind.InvalidArgument, "not after it takes effect");

        Assert.Equal("validity.expires", rejection.Field);
    }

    [Fact]
    public void Attach_ValidityWithoutEffectiveDate_IsRejected()
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(DocumentKind.LetterOfIntent, new ValidityWindow(default, TestData.Date(2026, 1, 1)))).AssertRejected(RejectionKind.InvalidArgument);

        Assert.Equal("validity.effective", rejection.Field);
    }

    [Theory]
    [InlineData(DocumentKind.MinutesOfMeeting)]
    [InlineData(DocumentKind.CooperationPlan)]
    [InlineData(DocumentKind.CouncilApproval)]
    [InlineData(DocumentKind.CentralApproval)]
    [InlineData(DocumentKind.DraftAgreement)]
    public void Attach_ValidityOnADocumentThatIsNotInForce_IsRejected(DocumentKind kind)
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(kind, PartnershipBuilder.AgreementWindow)).AssertRejected(RejectionKind.InvalidArgument, "only a LetterOfIntent or an Agreement");

        Assert.Equal("validity", rejection.Field);
    }

    [Fact]
    public void Attach_LetterOfIntentWithValidity_SetsTheWindowAndDeadline()
    {
        var builder = new PartnershipBuilder();
        var window = new ValidityWindow(TestData.Date(2025, 3, 1), TestData.Date(2027, 2, 28));

        builder.WithDocument(DocumentKind.LetterOfIntent, window, id: "loi-1");

        var partnership = builder.Build();
        Assert.Equal("loi-1", partnership.CurrentLetterOfIntentId);
        Assert.Equal(window, partnership.Validity);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), partnership.NextDeadline);
    }

    [Fact]
    public void Attach_LetterOfIntentAfterAnAgreement_KeepsTheAgreementWindow()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Agreement, id: "mou");

        builder.WithDocument(DocumentKind.LetterOfIntent, new ValidityWindow(TestData.Date(2025, 2, 1), TestData.Date(2026, 1, 31)));

        Assert.Equal("mou", builder.Build().GoverningDocumentId);
        Assert.Equal(PartnershipBuilder.AgreementWindow, builder.Build().Validity);
    }

    [Fact]
    public void Attach_SameIdTwice_IsAlreadyExists()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.Other, id: "doc-x");

        var rejection = Attach(builder, builder.Document(DocumentKind.Other, id: "doc-x")).AssertRejected(RejectionKind.AlreadyExists, "doc-x");

        Assert.Equal("document_id", rejection.Field);
    }

    [Fact]
    public void Attach_SupersedingAnUnknownDocument_IsNotFound()
    {
        var builder = new PartnershipBuilder();

        var rejection = Attach(builder, builder.Document(DocumentKind.CooperationPlan) with { SupersedesDocumentId = "plan-0" }).AssertRejected(RejectionKind.NotFound, "plan-0");

        Assert.Equal("supersedes_document_id", rejection.Field);
    }

    [Fact]
    public void Attach_SupersedingAnAttachedDocument_KeepsBoth()
    {
        var builder = new PartnershipBuilder().WithDocument(DocumentKind.CooperationPlan, id: "plan-1");

        builder.Execute(builder.Document(DocumentKind.CooperationPlan, id: "plan-2") with { SupersedesDocumentId = "plan-1" });

        Assert.Equal(["plan-1", "plan-2"], builder.Build().Documents.Select(d => d.Id));
        Assert.Equal("plan-1", builder.Build().Documents[1].SupersedesDocumentId);
    }

    [Fact]
    public void Attach_AtExpired_IsAccepted()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Expired);

        Attach(builder, builder.Document(DocumentKind.MinutesOfMeeting, date: TestData.Date(2029, 12, 1))).AssertAccepted();
    }

    [Fact]
    public void Attach_AfterTermination_IsRejected()
    {
        var builder = new PartnershipBuilder().AdvancedTo(PartnershipStage.Terminated);

        Attach(builder, builder.Document(DocumentKind.Other)).AssertRejected(RejectionKind.FailedPrecondition, "terminated");
    }

    [Fact]
    public void Attach_UndefinedKind_IsRejected()
    {
        var builder = new PartnershipBuilder();

        Assert.Equal("kind", Attach(builder, builder.Document((DocumentKind)99)).AssertRejected(RejectionKind.InvalidArgument).Field);
    }
}
