using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SceneCut.Scale;
using SceneCut.Scale.Options;

namespace SceneCut.Worker.Dashboard;

/// <summary>Registers the dashboard's settings (always validated) and, only when it is enabled, its web server.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>Binds <c>Scale:Dashboard</c>; adds the Kestrel-hosted dashboard when enabled in Hangfire mode.</summary>
    public static IServiceCollection AddSceneCutDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = ScaleServiceCollectionExtensions.ScaleModeOf(configuration);
        services.AddOptions<ScaleDashboardOptions>().Bind(configuration.GetSection(ScaleDashboardOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScaleDashboardOptions>, ScaleDashboardOptionsValidator>();
        services.AddSingleton<IValidateOptions<ScaleDashboardOptions>>(new ScaleDashboardOptionsRulesValidator(mode));
        // Off (the default) or in embedded mode, no web server is composed: the worker stays as light as before.
        if (mode == ScaleMode.Hangfire
            && configuration.GetSection(ScaleDashboardOptions.SectionName).GetValue(nameof(ScaleDashboardOptions.Enabled), false))
        {
            services.AddHostedService<DashboardServer>();
        }

        return services;
    }
}
