using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Jobs.Resilience;
using SceneCut.Output;
using SceneCut.Pipeline;

namespace SceneCut.Jobs;

/// <summary>Registers what the worker and the batch command share: options, metrics, the resilience pipelines, the result sink.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="JobOptions"/> (<c>Worker:Jobs</c>), <see cref="PipelineOptions"/> (<c>SceneCut</c>) and
    /// <see cref="OutputOptions"/> (<c>SceneCut:Output</c>) with validation at start, and registers the named resilience
    /// pipelines and the <see cref="ResultSink"/> that renders with those output options. The ledger and the runner
    /// depend on the output folder, so the host adds them.
    /// </summary>
    public static IServiceCollection AddSceneCutJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsRulesValidator>());
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutputOptions>, OutputOptionsValidator>());
        // The configured options, not defaults: the VAST tag, EDL start timecode and thumbnails apply to the service too.
        services.TryAddSingleton(sp => new ResultSink(sp.GetRequiredService<IOptions<OutputOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<OutputCircuit>();
        services.AddJobResiliencePipelines();
        return services;
    }
}
