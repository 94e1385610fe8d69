namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// The lifecycle of a KSDPL/KSDLL partnership in its legal order. Initiative to Drafting follow the
/// statutory stages of Permendagri 25/2020 as mirrored by Kab. Semarang Perda 4/2021; the later
/// stages follow practice (docs/domain.md §stages). The order of members is the order of the stages.
/// </summary>
public enum PartnershipStage
{
    /// <summary>Prakarsa: a region takes the initiative.</summary>
    Initiative,

    /// <summary>Penjajakan: exploration, visits and talks.</summary>
    Exploration,

    /// <summary>Pernyataan Kehendak Kerja Sama: both sides signed a letter of intent.</summary>
    LetterOfIntent,

    /// <summary>Penyusunan Rencana Kerja Sama: the cooperation plan (ToR and plan of action) is drawn up.</summary>
    CooperationPlan,

    /// <summary>Persetujuan DPRD: the regional council approves.</summary>
    CouncilApproval,

    /// <summary>Verification and facilitation by the Home Affairs Minister, with the Foreign Ministry.</summary>
    CentralReview,

    /// <summary>Penyusunan rancangan Naskah Kerja Sama: the cooperation text (MoU) is drafted.</summary>
    Drafting,

    /// <summary>The agreement is signed.</summary>
    Signed,

    /// <summary>The agreement is being carried out through joint programmes.</summary>
    Implementation,

    /// <summary>The cooperation is being evaluated.</summary>
    Evaluation,

    /// <summary>The validity window of the governing document has ended; only renewal or termination follow.</summary>
    Expired,

    /// <summary>Ended by decision of a party. Final.</summary>
    Terminated,
}
