namespace CollabPlatform.Domain.Common;

/// <summary>
/// Cooperation sectors. They fall within the objects UU 23/2014 Art. 367 allows for cooperation with
/// foreign parties; the list follows what the four partnerships actually name.
/// </summary>
public enum Sector
{
    Tourism,
    Msme,
    Agriculture,
    Plantation,
    Industry,
    Investment,
    Trade,
    Culture,
    Sport,
    Health,
    Education,
    Technology,
    HumanResources,
    UrbanManagement,
    Environment,
    Other,
}
