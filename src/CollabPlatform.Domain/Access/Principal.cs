namespace CollabPlatform.Domain.Access;

/// <summary>
/// An authenticated caller as the domain sees it: who (recorded on every event), in which role, for
/// which jurisdiction (a region id such as <c>ID-33.10</c>, or a ministry scope such as
/// <c>MINISTRY-ID</c>; none for the admin and the server itself).
/// </summary>
/// <param name="Subject">The token's subject, e.g. <c>official:ID-33.10</c>.</param>
/// <param name="Role">What the caller may do.</param>
/// <param name="Jurisdiction">Where the caller may do it; null only for <see cref="Role.Admin"/> and <see cref="Role.System"/>.</param>
public sealed record Principal(string Subject, Role Role, string? Jurisdiction)
{
    /// <summary>The server itself, e.g. the deadline timers.</summary>
    public static Principal System(string subject) => new(subject, Role.System, null);

    /// <summary>True for callers whose reach is not bounded by a jurisdiction.</summary>
    public bool IsGlobal => Role is Role.Admin or Role.System;

    /// <summary>For messages: <c>official:ID-33.10 (region-official of ID-33.10)</c>.</summary>
    public string Describe() => Jurisdiction is null
        ? $"{Subject} ({RoleNames.Of(Role)})"
        : $"{Subject} ({RoleNames.Of(Role)} of {Jurisdiction})";
}
