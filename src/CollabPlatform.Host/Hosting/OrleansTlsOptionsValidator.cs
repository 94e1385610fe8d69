using Microsoft.Extensions.Options;

namespace CollabPlatform.Host.Hosting;

/// <summary>Stops start-up with a message naming the wrong key of <see cref="OrleansTlsOptions"/> and what it should be.</summary>
public sealed class OrleansTlsOptionsValidator : IValidateOptions<OrleansTlsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.KeyPath) || !string.IsNullOrWhiteSpace(options.AuthorityPath))
            {
                failures.Add($"{OrleansTlsOptions.Section}:CertificatePath is not set, but KeyPath or AuthorityPath is; set CertificatePath to the certificate file (PEM or PKCS#12), or unset them all to run the silo without TLS");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        RequireFile(failures, "CertificatePath", options.CertificatePath, "the replica's certificate (PEM such as tls.crt, or PKCS#12)");
        if (!string.IsNullOrWhiteSpace(options.KeyPath))
        {
            RequireFile(failures, "KeyPath", options.KeyPath, "the PEM private key of CertificatePath (such as tls.key)");
            if (!string.IsNullOrEmpty(options.Password))
            {
                failures.Add($"{OrleansTlsOptions.Section}:Password is set together with KeyPath; a password belongs to a PKCS#12 CertificatePath, a PEM key has none");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.AuthorityPath))
        {
            RequireFile(failures, "AuthorityPath", options.AuthorityPath, "PEM certificates of the authorities peers' certificates come from (such as ca.crt)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireFile(List<string> failures, string key, string? path, string expected)
    {
        if (!File.Exists(path))
        {
            failures.Add($"{OrleansTlsOptions.Section}:{key} is '{path}', which is not a readable file; expected {expected}");
        }
    }
}
