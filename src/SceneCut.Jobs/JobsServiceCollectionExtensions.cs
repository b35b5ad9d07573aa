using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Jobs.Resilience;
using SceneCut.Pipeline;

namespace SceneCut.Jobs;

/// <summary>Registers what the worker and the batch command share: options, metrics, the resilience pipelines.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="JobOptions"/> (<c>Worker:Jobs</c>) and <see cref="PipelineOptions"/> (<c>SceneCut</c>) with
    /// validation at start, and registers the named resilience pipelines. The ledger and the runner depend on the
    /// output folder, so the host adds them.
    /// </summary>
    public static IServiceCollection AddSceneCutJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsRulesValidator>());
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<OutputCircuit>();
        services.AddJobResiliencePipelines();
        return services;
    }
}
