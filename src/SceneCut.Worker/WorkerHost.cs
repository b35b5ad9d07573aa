using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;
using SceneCut.Jobs;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Ledger;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Jobs.Output;
using SceneCut.Jobs.Resilience;
using SceneCut.Output;
using SceneCut.Pipeline;
using SceneCut.Scale;
using SceneCut.Worker.Dashboard;
using SceneCut.Worker.Health;
using SceneCut.Worker.Options;
using SceneCut.Worker.Watching;

namespace SceneCut.Worker;

/// <summary>Composes the worker host; <c>Program</c> runs it and the tests build it in-process the same way.</summary>
public static class WorkerHost
{
    // Extra time the host gives the services to stop, on top of the jobs' drain period (ledger close, health file).
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The host builder: configuration from <c>appsettings.json</c> beside the executable, <c>SCENECUT_</c>-less
    /// environment variables (<c>Worker__OutputFolder</c>) and the command line (<c>--Worker:OutputFolder=/x</c>);
    /// systemd and Windows Service integration (both no-ops when not run by them).
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // A service's working folder is / or System32: find appsettings.json beside the executable instead.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var services = builder.Services;
        services.AddSystemd();
        services.AddWindowsService(o => o.ServiceName = "SceneCut");

        services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(worker.Value.ShutdownDrainSeconds) + StopMargin);
        services.AddSceneCutJobs(builder.Configuration);

        services.AddSingleton(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobOptions>>().Value;
            var output = sp.GetRequiredService<IOptions<WorkerOptions>>().Value.OutputFolder;
            return JobLedger.Open(jobs.LedgerPath is { Length: > 0 } p ? p : Path.Combine(output, JobDefaults.LedgerFileName), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new JobRunner(
            sp.GetRequiredService<JobLedger>(),
            new OutputLayout(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.OutputFolder),
            sp.GetRequiredService<ResultSink>(),
            sp.GetRequiredService<IOptions<JobOptions>>().Value,
            sp.GetRequiredService<IOptions<PipelineOptions>>().Value,
            sp.GetRequiredService<ResiliencePipelineProvider<string>>(),
            sp.GetRequiredService<OutputCircuit>(),
            sp.GetRequiredService<JobMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JobRunner>>()));
        // Registered once, as the intake: a second registration of the same instance would dispose it twice.
        services.AddSingleton<IJobIntake>(sp =>
        {
            var worker = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            return new JobQueue(sp.GetRequiredService<JobRunner>(), worker.Parallelism, worker.QueueCapacity, sp.GetRequiredService<JobMetrics>(), sp.GetRequiredService<ILogger<JobQueue>>());
        });
        // Scale:Mode = Hangfire replaces the intake and the ledger registered above; Embedded leaves them as they are.
        services.AddSceneCutScale(builder.Configuration, runJobs: true, drain: TimeSpan.FromSeconds(
            builder.Configuration.GetSection(WorkerOptions.SectionName).GetValue(nameof(WorkerOptions.ShutdownDrainSeconds), WorkerDefaults.ShutdownDrainSeconds)));
        // Scale:Dashboard: validated always; its web server exists only when enabled in Hangfire mode.
        services.AddSceneCutDashboard(builder.Configuration);
        services.AddSingleton<WorkerStatus>();
        services.AddHostedService<WatchService>();
        services.AddHostedService<HealthFileWriter>();
        configureServices?.Invoke(services);
        return builder;
    }
}
