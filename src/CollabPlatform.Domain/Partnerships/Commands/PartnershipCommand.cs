namespace CollabPlatform.Domain.Partnerships.Commands;

/// <summary>A request to change a partnership; <see cref="Partnership.Decide"/> accepts or rejects it.</summary>
public abstract record PartnershipCommand;
