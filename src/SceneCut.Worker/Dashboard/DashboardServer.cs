using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SceneCut.Worker.Dashboard;

/// <summary>
/// Serves Hangfire's dashboard from the worker: a Kestrel server of its own, started only when
/// <c>Scale:Dashboard:Enabled</c> is true, on the configured address only, reading the worker's Hangfire storage.
/// </summary>
internal sealed partial class DashboardServer(
    IOptions<ScaleDashboardOptions> options, JobStorage storage, ILoggerFactory loggerFactory, ILogger<DashboardServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private X509Certificate2? _certificate;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dashboard = options.Value;
        // The empty builder reads no configuration of its own: nothing in appsettings.json or ASPNETCORE_URLS can add
        // an endpoint beside the one validated here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddSingleton(storage);
        builder.Services.AddHangfire(static _ => { });
        // Hangfire checks antiforgery tokens on its buttons only when the service exists: without it, any page the
        // operator opens could post a requeue or delete. Keys live in memory: a token need not outlive the worker.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery();
        // Validated at start, so it loads here; if the file went bad since, the dashboard must not fall back to plain HTTP.
        var certificate = dashboard.UsesHttps
            ? DashboardCertificate.TryLoad(dashboard, out var problem)
                ?? throw new InvalidOperationException($"Scale:Dashboard:CertificatePath {dashboard.CertificatePath}: {problem}")
            : null;
        _certificate = certificate;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            void Secure(ListenOptions listen)
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }

            if (string.Equals(dashboard.Address, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(dashboard.Port, Secure);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(dashboard.Address), dashboard.Port, Secure);
            }
        });

        var app = builder.Build();
        app.UseHangfireDashboard(dashboard.Path, new DashboardOptions
        {
            DashboardTitle = "SceneCut jobs",
            // Credentials when configured; otherwise Hangfire's own rule (requests from this machine only) on top of
            // the loopback address the validator insisted on.
            Authorization = dashboard.RequiresCredentials
                ? [new BasicAuthorizationFilter(dashboard.Username!, dashboard.Password!)]
                : [new LocalRequestsOnlyAuthorizationFilter()],
            IsReadOnlyFunc = _ => dashboard.ReadOnly,
            // The footer would show the connection string, password included.
            DisplayStorageConnectionString = false,
            AppPath = null,
        }, storage);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel reports a taken port or a foreign address as an IOException naming only the endpoint.
            await app.DisposeAsync().ConfigureAwait(false);
            throw new DashboardUnavailableException(dashboard.Address, dashboard.Port, ex);
        }

        _app = app;
        LogListening(certificate is null ? "http" : "https", dashboard.Address, dashboard.Port, dashboard.Path, dashboard.RequiresCredentials);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _certificate?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire dashboard on {Scheme}://{Address}:{Port}{Path} (credentials required: {Credentials})")]
    private partial void LogListening(string scheme, string address, int port, string path, bool credentials);
}
