using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace SceneCut.Worker.Dashboard;

/// <summary>
/// HTTP Basic for the dashboard: a request passes only with the configured user name and password. A request without
/// them gets 401 and a <c>WWW-Authenticate</c> challenge (a browser asks for them); wrong ones get 401 again.
/// </summary>
internal sealed class BasicAuthorizationFilter : IDashboardAuthorizationFilter
{
    private const string Scheme = "Basic ";

    // Hashes, compared in fixed time: neither the content nor the length of the secret leaks through timing.
    private readonly byte[] _expected;

    public BasicAuthorizationFilter(string username, string password) => _expected = Hash($"{username}:{password}");

    /// <inheritdoc />
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (Presented(http.Request.Headers.Authorization.ToString()) is { } credentials
            && CryptographicOperations.FixedTimeEquals(Hash(credentials), _expected))
        {
            return true;
        }

        // Hangfire answers 401 for an unauthenticated request; the challenge makes browsers prompt.
        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{ScaleDashboardDefaults.Realm}\", charset=\"UTF-8\"";
        return false;
    }

    // "user:password" from an Authorization header, or null when it is missing or malformed.
    private static string? Presented(string header)
    {
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Hash(string credentials) => SHA256.HashData(Encoding.UTF8.GetBytes(credentials));
}
