namespace CollabPlatform.EndToEnd.Tests.Infrastructure.Load;

/// <summary>Who decided the status of an attempt.</summary>
internal enum AttemptOrigin
{
    /// <summary>The API answered (OK, or an error carrying the collab.v1 ErrorInfo).</summary>
    Server,

    /// <summary>
    /// The client's transport: the replica could not be reached or the connection dropped during
    /// the call (grpc-dotnet reports both as UNAVAILABLE), or the client's deadline passed.
    /// </summary>
    Transport,
}
