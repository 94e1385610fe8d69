using System.Net;
using Microsoft.Extensions.Options;

namespace CollabPlatform.Api.Configuration;

/// <summary>Stops start-up with a message naming the wrong key and what it should be.</summary>
public sealed class CollabApiOptionsValidator : IValidateOptions<CollabApiOptions>
{
    public ValidateOptionsResult Validate(string? name, CollabApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.GrpcPort is < 0 or > 65535)
        {
            failures.Add($"{CollabApiOptions.Section}:GrpcPort is {options.GrpcPort}; expected a port from 1 to 65535, or 0 for a free one");
        }

        if (options.HttpPort is < 0 or > 65535)
        {
            failures.Add($"{CollabApiOptions.Section}:HttpPort is {options.HttpPort}; expected a port from 1 to 65535, or 0 for a free one");
        }

        if (options.GrpcPort == options.HttpPort && options.GrpcPort != 0 && string.IsNullOrEmpty(options.CertificatePath))
        {
            failures.Add($"{CollabApiOptions.Section}:GrpcPort and HttpPort are both {options.GrpcPort}; without TLS the gRPC port speaks HTTP/2 only and the HTTP port HTTP/1.1, so they must differ (with {CollabApiOptions.Section}:CertificatePath set, one port may serve both)");
        }

        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"{CollabApiOptions.Section}:ListenAddress is '{options.ListenAddress}'; expected an IP address such as 127.0.0.1, or 0.0.0.0 for every interface");
        }

        if (!string.IsNullOrEmpty(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add($"{CollabApiOptions.Section}:CertificatePath names {options.CertificatePath}, which does not exist; expected a .pfx or PEM certificate file");
        }

        if (!string.IsNullOrEmpty(options.CertificateKeyPath) && !File.Exists(options.CertificateKeyPath))
        {
            failures.Add($"{CollabApiOptions.Section}:CertificateKeyPath names {options.CertificateKeyPath}, which does not exist; expected the PEM private key of the certificate");
        }

        if (options.MaxReceiveMessageSize < 1024)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxReceiveMessageSize is {options.MaxReceiveMessageSize}; expected at least 1024 bytes (default 4194304)");
        }

        if (options.MaxSendMessageSize < 1024)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxSendMessageSize is {options.MaxSendMessageSize}; expected at least 1024 bytes (default 16777216)");
        }

        if (options.MaxStreamsPerConnection < 1)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxStreamsPerConnection is {options.MaxStreamsPerConnection}; expected at least 1 (default 100)");
        }

        if (options.MaxRequestHeaderFieldSize < 1024)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxRequestHeaderFieldSize is {options.MaxRequestHeaderFieldSize}; expected at least 1024 bytes (default 16384)");
        }

        if (options.MaxRequestHeadersTotalSize < options.MaxRequestHeaderFieldSize)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxRequestHeadersTotalSize is {options.MaxRequestHeadersTotalSize}; expected at least MaxRequestHeaderFieldSize ({options.MaxRequestHeaderFieldSize}) (default 32768)");
        }

        if (options.MinRequestBodyDataRate <= 0 || double.IsNaN(options.MinRequestBodyDataRate))
        {
            failures.Add($"{CollabApiOptions.Section}:MinRequestBodyDataRate is {options.MinRequestBodyDataRate}; expected a positive number of bytes per second (default 240)");
        }

        if (options.MinRequestBodyDataRateGracePeriod <= TimeSpan.FromSeconds(1))
        {
            failures.Add($"{CollabApiOptions.Section}:MinRequestBodyDataRateGracePeriod is {options.MinRequestBodyDataRateGracePeriod}; expected more than 1 second (default 00:00:05)");
        }

        foreach (var (key, value) in new[]
                 {
                     ("RequestHeadersTimeout", options.RequestHeadersTimeout),
                     ("KeepAliveTimeout", options.KeepAliveTimeout),
                     ("KeepAlivePingDelay", options.KeepAlivePingDelay),
                     ("KeepAlivePingTimeout", options.KeepAlivePingTimeout),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{CollabApiOptions.Section}:{key} is {value}; expected a positive time span such as 00:00:30");
            }
        }

        if (options.MaxStreamsPerCaller < 1)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxStreamsPerCaller is {options.MaxStreamsPerCaller}; expected at least 1 (default 10)");
        }

        if (options.MaxStreamsTotal < options.MaxStreamsPerCaller)
        {
            failures.Add($"{CollabApiOptions.Section}:MaxStreamsTotal is {options.MaxStreamsTotal}; expected at least MaxStreamsPerCaller ({options.MaxStreamsPerCaller}) (default 1000)");
        }

        if (options.MaxStreamLifetime < TimeSpan.FromSeconds(1) || options.MaxStreamLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{CollabApiOptions.Section}:MaxStreamLifetime is {options.MaxStreamLifetime}; expected from 00:00:01 to 1.00:00:00 (default 01:00:00)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
