namespace CollabPlatform.Api.Configuration;

/// <summary>
/// Where and how the API listens (section <c>Collab:Api</c>). Without a certificate the gRPC port
/// speaks HTTP/2 only (h2c, prior knowledge, as gRPC clients do) and the HTTP port HTTP/1.1 for JSON
/// calls from browsers and curl; with one, both ports speak HTTPS with HTTP/1.1 and HTTP/2.
/// </summary>
public sealed class CollabApiOptions
{
    public const string Section = "Collab:Api";

    /// <summary>gRPC port (h2c without TLS); 0 picks a free one.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1 port for JSON transcoding (also HTTP/2 with TLS); 0 picks a free one.</summary>
    public int HttpPort { get; set; } = 5081;

    /// <summary>Address to listen on: an IP address, <c>0.0.0.0</c> or <c>::</c> for every interface.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Server reflection (grpcurl, Postman); on by default.</summary>
    public bool EnableReflection { get; set; } = true;

    /// <summary>A PKCS#12 (.pfx) or PEM certificate; when set, both ports serve TLS.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>; for PEM, the path of the key file may go in <see cref="CertificateKeyPath"/>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The private key of a PEM certificate.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Largest request message accepted, in bytes (gRPC and JSON bodies), after decompression.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes; a larger one ends the call RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>HTTP/2 streams (calls) one connection may have open at once (Kestrel Http2.MaxStreamsPerConnection).</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>Largest single request header, in bytes, HPACK-decoded (Kestrel Http2.MaxRequestHeaderFieldSize).</summary>
    public int MaxRequestHeaderFieldSize { get; set; } = 16 * 1024;

    /// <summary>Largest total of a request's headers, in bytes (Kestrel MaxRequestHeadersTotalSize).</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Slowest request body accepted, in bytes per second after <see cref="MinRequestBodyDataRateGracePeriod"/> (Kestrel MinRequestBodyDataRate).</summary>
    public double MinRequestBodyDataRate { get; set; } = 240;

    /// <summary>How long a request body may stay below <see cref="MinRequestBodyDataRate"/> before the stream is cut.</summary>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a client may take to send a request's headers (Kestrel RequestHeadersTimeout).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle connection stays open (Kestrel KeepAliveTimeout).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>After this much silence on an HTTP/2 connection the server pings it (Kestrel Http2.KeepAlivePingDelay).</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection that does not answer a ping within this is closed (Kestrel Http2.KeepAlivePingTimeout).</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>WatchAgreements streams one caller may hold open on one replica.</summary>
    public int MaxStreamsPerCaller { get; set; } = 10;

    /// <summary>WatchAgreements streams all callers together may hold open on one replica.</summary>
    public int MaxStreamsTotal { get; set; } = 1000;

    /// <summary>
    /// How long one WatchAgreements stream stays open; then it ends with UNAVAILABLE (reason
    /// STREAM_LIFETIME) and the client reconnects with its cursor, so that no stream outlives a
    /// rotated key, a revoked caller or a rebalanced cluster for long.
    /// </summary>
    public TimeSpan MaxStreamLifetime { get; set; } = TimeSpan.FromHours(1);
}
