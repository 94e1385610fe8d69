using CollabPlatform.Domain.Access;
using CollabPlatform.Domain.Common;
using CollabPlatform.Domain.Facilitation;
using CollabPlatform.Domain.JointPrograms.Commands;
using CollabPlatform.Domain.Partnerships;
using CollabPlatform.Domain.Partnerships.Commands;
using CollabPlatform.Domain.RegionProfiles.Commands;
using CollabPlatform.Domain.Regions;
using CollabPlatform.Domain.Tests.Support;

namespace CollabPlatform.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly Principal Klaten = new("official:ID-33.10", Role.RegionOfficial, "ID-33.10");
    private static readonly Principal NanjingCounty = new("official:CN-350627", Role.RegionOfficial, "CN-350627");
    private static readonly Principal JawaTengah = new("official:ID-33", Role.RegionOfficial, "ID-33");
    private static readonly Principal Surakarta = new("official:ID-33.72", Role.RegionOfficial, "ID-33.72");
    private static readonly Principal JawaTengahFacilitator = new("facilitator:ID-33", Role.Facilitator, "ID-33");
    private static readonly Principal Kemendagri = new("ministry:ID", Role.Ministry, "MINISTRY-ID");
    private static readonly Principal ChineseMinistry = new("ministry:CN", Role.Ministry, "MINISTRY-CN");
    private static readonly Principal Admin = new("admin", Role.Admin, null);
    private static readonly AdvanceStage ToLetterOfIntent = new(PartnershipStage.LetterOfIntent);

    private static Partnership KlatenNanjing => new PartnershipBuilder().Build();

    [Fact]
    public void CheckChange_OfficialsOfEitherParty_MayChangeIt()
    {
        Assert.Null(AccessPolicy.CheckChange(Klaten, KlatenNanjing, ToLetterOfIntent, TestData.Catalog));
        Assert.Null(AccessPolicy.CheckChange(NanjingCounty, KlatenNanjing, ToLetterOfIntent, TestData.Catalog));
        Assert.Null(AccessPolicy.CheckChange(Admin, KlatenNanjing, ToLetterOfIntent, TestData.Catalog));
    }

    [Fact]
    public void CheckChange_TheProvinceAboveAParty_ReadsButDoesNotChange()
    {
        var refusal = AccessPolicy.CheckChange(JawaTengah, KlatenNanjing, ToLetterOfIntent, TestData.Catalog);

        Assert.Equal(RejectionKind.PermissionDenied, refusal!.Kind);
        Assert.Contains("may read it", refusal.Reason, StringComparison.Ordinal);
        Assert.Null(AccessPolicy.CheckRead(JawaTengah, KlatenNanjing, TestData.Catalog));
    }

    [Fact]
    public void CheckChange_AnOutsiderLearnsTheSameWhetherThePartnershipExistsOrNot()
    {
        var existing = AccessPolicy.CheckChange(Surakarta, KlatenNanjing, ToLetterOfIntent, TestData.Catalog);
        var missing = AccessPolicy.CheckChange(Surakarta, new Partnership(), ToLetterOfIntent, TestData.Catalog);
        var readExisting = AccessPolicy.CheckRead(Surakarta, KlatenNanjing, TestData.Catalog);
        var readMissing = AccessPolicy.CheckRead(Surakarta, new Partnership(), TestData.Catalog);

        Assert.Equal(existing, missing);
        Assert.Equal(readExisting, readMissing);
        Assert.Equal(RejectionKind.PermissionDenied, existing!.Kind);
    }

    [Fact]
    public void CheckChange_CentralApproval_IsTheMinistrysAlone()
    {
        var approval = new PartnershipBuilder().Document(DocumentKind.CentralApproval);
        var review = new AdvanceStage(PartnershipStage.CentralReview);
        var drafting = new AdvanceStage(PartnershipStage.Drafting);

        Assert.Null(AccessPolicy.CheckChange(Kemendagri, KlatenNanjing, approval, TestData.Catalog));
        Assert.Null(AccessPolicy.CheckChange(Kemendagri, KlatenNanjing, review, TestData.Catalog));
        Assert.Null(AccessPolicy.CheckChange(Kemendagri, KlatenNanjing, drafting, TestData.Catalog));
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(Klaten, KlatenNanjing, approval, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(Klaten, KlatenNanjing, drafting, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(Admin, KlatenNanjing, review, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(Kemendagri, KlatenNanjing, ToLetterOfIntent, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckChange(ChineseMinistry, KlatenNanjing, approval, TestData.Catalog)!.Kind);
    }

    [Fact]
    public void CheckChange_Proposal_OnlyForTheCallersOwnRegion()
    {
        var proposal = PartnershipBuilder.DefaultProposal();

        Assert.Null(AccessPolicy.CheckChange(Klaten, new Partnership(), proposal, TestData.Catalog));
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckChange(JawaTengah, new Partnership(), proposal, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(JawaTengahFacilitator, new Partnership(), proposal, TestData.Catalog)!.Kind);
    }

    [Fact]
    public void CheckChange_WithoutACaller_IsRefusedAndTheTimersOnlyComeFromTheServer()
    {
        Assert.NotNull(AccessPolicy.CheckChange(null, KlatenNanjing, ToLetterOfIntent, TestData.Catalog));
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckChange(Admin, KlatenNanjing, new CheckDeadlines(), TestData.Catalog)!.Kind);
        Assert.Null(AccessPolicy.CheckChange(Principal.System("system:deadlines"), KlatenNanjing, new CheckDeadlines(), TestData.Catalog));
    }

    [Fact]
    public void CheckCaller_TheServersOwnRoleOrNobody_IsRefused()
    {
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckCaller(Principal.System("system:deadlines"))!.Kind);
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckCaller(null)!.Kind);
    }

    [Fact]
    public void CheckCaller_EveryTokenRole_IsWeighedFurther()
    {
        foreach (var principal in new[] { Klaten, JawaTengahFacilitator, Kemendagri, Admin, new Principal("auditor:ID-33", Role.Auditor, "ID-33") })
        {
            Assert.Null(AccessPolicy.CheckCaller(principal));
        }
    }

    [Fact]
    public void CheckProgramChange_PartiesOnly()
    {
        var update = new UpdateProgress();

        Assert.Null(AccessPolicy.CheckProgramChange(Klaten, KlatenNanjing, update, TestData.Catalog));
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckProgramChange(JawaTengah, KlatenNanjing, update, TestData.Catalog)!.Kind);
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckProgramChange(Surakarta, new Partnership(), update, TestData.Catalog)!.Kind);
    }

    [Fact]
    public void CheckProfileChange_OwnRegionOnly()
    {
        var own = new UpdateRegionProfile { RegionId = RegionId.Parse("ID-33.10") };
        var other = new UpdateRegionProfile { RegionId = RegionId.Parse("ID-33.72") };

        Assert.Null(AccessPolicy.CheckProfileChange(Klaten, own));
        Assert.Equal(RejectionKind.PermissionDenied, AccessPolicy.CheckProfileChange(Klaten, other)!.Kind);
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckProfileChange(Kemendagri, own)!.Kind);
        Assert.Null(AccessPolicy.CheckProfileChange(Admin, other));
        Assert.Equal(RejectionKind.RoleNotAllowed, AccessPolicy.CheckProfileChange(Principal.System("system:deadlines"), own)!.Kind);
    }

    [Theory]
    [InlineData("ID-33.10", "ID-33", true)]
    [InlineData("ID-33", "ID-33", true)]
    [InlineData("ID-33", "ID-33.10", false)]
    [InlineData("CN-350627", "MINISTRY-CN", true)]
    [InlineData("ID-33.10", "MINISTRY-CN", false)]
    [InlineData("MINISTRY-ID", "ID-33", false)]
    [InlineData("ID-32.14", "ID-33", false)]
    public void IsWithin_RegionsUnderRegionsAndCountriesUnderTheirMinistry(string scope, string jurisdiction, bool expected) =>
        Assert.Equal(expected, Jurisdictions.IsWithin(scope, jurisdiction, TestData.Catalog));

    [Fact]
    public void Of_AnExplicitFacilitator_IsSeenFromTheRegionsAboveIt()
    {
        var partnership = new PartnershipBuilder().Execute(new AddFacilitator("ID-32.14", "broker")).Build();

        var seenBy = Jurisdictions.Of(partnership, TestData.Catalog);

        Assert.Contains("ID-32.14", seenBy);
        Assert.Contains("ID-32", seenBy);
        Assert.True(AccessPolicy.Sees(new Principal("facilitator:ID-32", Role.Facilitator, "ID-32"), seenBy));
    }
}
