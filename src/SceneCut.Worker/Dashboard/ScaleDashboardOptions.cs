using System.ComponentModel.DataAnnotations;

namespace SceneCut.Worker.Dashboard;

/// <summary>
/// The <c>Scale:Dashboard</c> section: Hangfire's dashboard served by this worker (Hangfire mode only). Off by default;
/// when on it listens on 127.0.0.1 unless <see cref="Address"/> says otherwise, and any other address needs
/// <see cref="Username"/> and <see cref="Password"/> (HTTP Basic; put the password in an environment variable,
/// <c>Scale__Dashboard__Password</c>, not in the file) and HTTPS (<see cref="CertificatePath"/>), since Basic sends the
/// password readable by anyone on the path. Defaults in <see cref="ScaleDashboardDefaults"/>.
/// </summary>
public sealed class ScaleDashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Scale:Dashboard";

    /// <summary>Serve the dashboard. Default false: no web server starts.</summary>
    public bool Enabled { get; set; }

    /// <summary>IP address to listen on, or <c>localhost</c>. Default 127.0.0.1; a non-loopback address needs credentials.</summary>
    [Required]
    public string Address { get; set; } = ScaleDashboardDefaults.Address;

    /// <summary>TCP port. Default 5380.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = ScaleDashboardDefaults.Port;

    /// <summary>URL path of the dashboard. Default /hangfire.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Scale:Dashboard:Path must start with / and hold only letters, digits, -, _ and /.")]
    public string Path { get; set; } = ScaleDashboardDefaults.Path;

    /// <summary>HTTP Basic user name; with <see cref="Password"/>, every request must present both. Default none.</summary>
    public string? Username { get; set; }

    /// <summary>HTTP Basic password (at least 12 characters). Default none.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// A certificate for HTTPS: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, with <see cref="CertificatePassword"/> when it
    /// has one) or a PEM certificate with its unencrypted key in the same file. Default none: plain HTTP, allowed on
    /// loopback only unless <see cref="AllowPlainHttp"/>.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PKCS#12 file. Default none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Serve plain HTTP on a non-loopback address anyway: only behind a reverse proxy on another host that terminates
    /// TLS. Default false.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Only read: no requeue or delete buttons. Default true: changing jobs from the browser is opted into.</summary>
    public bool ReadOnly { get; set; } = ScaleDashboardDefaults.ReadOnly;

    /// <summary>True when credentials are configured.</summary>
    internal bool RequiresCredentials => !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);

    /// <summary>True when a certificate is configured (HTTPS).</summary>
    internal bool UsesHttps => !string.IsNullOrEmpty(CertificatePath);
}
