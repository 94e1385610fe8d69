namespace CollabPlatform.Domain.Partnerships;

/// <summary>The documents of the lifecycle (docs/domain.md §documents); approvals are separate records.</summary>
public enum DocumentKind
{
    /// <summary>Minutes of meeting, e.g. Klaten–Nanjing County, Semarang 2025-06-24.</summary>
    MinutesOfMeeting,

    /// <summary>Pernyataan Kehendak Kerja Sama (LoI).</summary>
    LetterOfIntent,

    /// <summary>Rencana Kerja Sama: terms of reference and plan of action.</summary>
    CooperationPlan,

    /// <summary>The DPRD approval decision.</summary>
    CouncilApproval,

    /// <summary>The region's request letter to the Home Affairs Minister.</summary>
    MinistryRequest,

    /// <summary>Central-government approval (Kemendagri, after Kemenlu's consideration).</summary>
    CentralApproval,

    /// <summary>Full Powers from the Foreign Minister for the signing official.</summary>
    FullPowers,

    /// <summary>The initialled draft cooperation text.</summary>
    DraftAgreement,

    /// <summary>The signed agreement (MoU / naskah kerja sama).</summary>
    Agreement,

    /// <summary>The foreign side's own approval (CPAFFC, a Korean council resolution, a Japanese budget).</summary>
    ForeignApproval,

    Other,
}
