using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SceneCut.Worker.Dashboard;

/// <summary>
/// Loads the dashboard's HTTPS certificate from <see cref="ScaleDashboardOptions.CertificatePath"/>: PKCS#12 (with its
/// password) or PEM with the key in the same file. Checked when the options are validated, so a wrong file stops the
/// worker at start with the path and the cause, not at the first browser request.
/// </summary>
internal static class DashboardCertificate
{
    /// <summary>The certificate with its private key, or null with <paramref name="problem"/> saying why not.</summary>
    public static X509Certificate2? TryLoad(ScaleDashboardOptions options, out string? problem)
    {
        var path = options.CertificatePath!;
        problem = null;
        try
        {
            if (!File.Exists(path))
            {
                problem = "no such file";
                return null;
            }

            var certificate = IsPem(path)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                problem = "the certificate has no private key (HTTPS needs it: a PKCS#12 file, or the key in the same PEM file)";
                return null;
            }

            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"cannot be read as a certificate with its key ({ex.Message.Trim()})";
            return null;
        }
    }

    private static bool IsPem(string path)
    {
        Span<byte> start = stackalloc byte[11];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start[..read].SequenceEqual("-----BEGIN "u8);
    }
}
