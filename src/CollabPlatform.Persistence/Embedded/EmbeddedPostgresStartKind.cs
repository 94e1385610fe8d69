namespace CollabPlatform.Persistence.Embedded;

/// <summary>What <see cref="EmbeddedPostgres.StartAsync"/> had to do to get a running server.</summary>
public enum EmbeddedPostgresStartKind
{
    /// <summary>The data folder was empty: a new cluster was initialised and started.</summary>
    Initialised,

    /// <summary>The existing cluster was started.</summary>
    Started,

    /// <summary>A server left running on the data folder (e.g. by a host that was killed) was taken over.</summary>
    Adopted,
}
