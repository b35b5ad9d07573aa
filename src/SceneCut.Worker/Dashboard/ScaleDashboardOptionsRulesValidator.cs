using System.Net;
using Microsoft.Extensions.Options;
using SceneCut.Scale.Options;

namespace SceneCut.Worker.Dashboard;

/// <summary>
/// Rules across fields: the dashboard needs Hangfire mode, a parsable address, and credentials and HTTPS before it
/// listens on anything but loopback (it can requeue and delete jobs: no anonymous access from the network, and no
/// password readable on the way); a configured certificate must load.
/// </summary>
public sealed class ScaleDashboardOptionsRulesValidator(ScaleMode mode) : IValidateOptions<ScaleDashboardOptions>
{
    /// <summary>The shortest password accepted, so a guessable one is caught at start rather than on the network.</summary>
    public const int MinPasswordLength = 12;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ScaleDashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (mode != ScaleMode.Hangfire)
        {
            failures.Add("Scale:Dashboard:Enabled needs Scale:Mode=Hangfire (the dashboard shows Hangfire's jobs).");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Scale:Dashboard:Username and Scale:Dashboard:Password go together: set both or neither.");
        }
        else if (options.Password is { Length: > 0 and < MinPasswordLength })
        {
            failures.Add($"Scale:Dashboard:Password must have at least {MinPasswordLength} characters.");
        }

        if (!TryParseAddress(options.Address, out var loopback))
        {
            failures.Add($"Scale:Dashboard:Address '{options.Address}' is not an IP address or 'localhost'.");
        }
        else if (!loopback && !options.RequiresCredentials)
        {
            failures.Add(
                $"Scale:Dashboard:Address {options.Address} is not a loopback address: anyone on the network could requeue or delete jobs. " +
                "Set Scale:Dashboard:Username and Scale:Dashboard:Password (HTTP Basic), or keep the address 127.0.0.1.");
        }
        else if (!loopback && !options.UsesHttps && !options.AllowPlainHttp)
        {
            failures.Add(
                $"Scale:Dashboard:Address {options.Address} is not a loopback address: over plain HTTP the Basic password travels readable. " +
                "Set Scale:Dashboard:CertificatePath (HTTPS), or Scale:Dashboard:AllowPlainHttp=true behind a proxy that terminates TLS.");
        }

        if (options.UsesHttps)
        {
            using var certificate = DashboardCertificate.TryLoad(options, out var problem);
            if (certificate is null)
            {
                failures.Add($"Scale:Dashboard:CertificatePath {options.CertificatePath}: {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses <c>localhost</c> or an IP address; <paramref name="loopback"/> says whether only this machine reaches it.</summary>
    internal static bool TryParseAddress(string? address, out bool loopback)
    {
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            loopback = true;
            return true;
        }

        if (IPAddress.TryParse(address, out var ip))
        {
            // 0.0.0.0 and :: are "every interface", the opposite of loopback.
            loopback = IPAddress.IsLoopback(ip);
            return true;
        }

        loopback = false;
        return false;
    }
}
