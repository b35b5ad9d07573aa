using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SceneCut.Worker.Tests.TestSupport;

/// <summary>Self-signed certificates for 127.0.0.1/localhost, made on the spot (nothing committed, nothing downloaded).</summary>
internal static class TestCertificates
{
    /// <summary>A PKCS#12 file with its key, protected by <paramref name="password"/>; returns the path and the thumbprint.</summary>
    public static (string Path, string Thumbprint) WritePkcs12(string folder, string password)
    {
        using var certificate = Create();
        var path = Path.Combine(folder, "dashboard.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, certificate.Thumbprint);
    }

    /// <summary>A PEM file holding the certificate only, without its key.</summary>
    public static string WritePemWithoutKey(string folder)
    {
        using var certificate = Create();
        var path = Path.Combine(folder, "dashboard.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
