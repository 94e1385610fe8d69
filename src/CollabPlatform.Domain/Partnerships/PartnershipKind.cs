namespace CollabPlatform.Domain.Partnerships;

/// <summary>
/// The kind of cooperation. PP 28/2018 divides cooperation with foreign local governments (KSDPL)
/// into sister province, sister city/regency and other cooperation, and names cooperation with
/// foreign institutions KSDLL (docs/domain.md §kinds).
/// </summary>
public enum PartnershipKind
{
    /// <summary>Provinsi kembar/bersaudara: a province with a foreign first-level unit.</summary>
    SisterProvince,

    /// <summary>Kabupaten/kota kembar/bersaudara: a regency or city with a foreign municipality.</summary>
    SisterCity,

    /// <summary>Kerja sama lainnya: KSDPL focused on a specific scope.</summary>
    OtherKsdpl,

    /// <summary>
    /// A friendship-exchange tie, the step before a sister tie (Xiamen's 友好交流城市, Korean 우호교류);
    /// the form Chinese counties use, since they generally cannot form friendship cities (docs/domain.md §china).
    /// </summary>
    FriendshipExchange,

    /// <summary>KSDLL: cooperation with a foreign institution rather than a local government.</summary>
    Institutional,
}
