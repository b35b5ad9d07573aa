using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Ledger;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Database;
using SceneCut.Scale.Execution;
using SceneCut.Scale.Intake;
using SceneCut.Scale.Options;

namespace SceneCut.Scale;

/// <summary>Registers the scale-out mode when <c>Scale:Mode</c> is Hangfire; the embedded mode is left untouched.</summary>
public static class ScaleServiceCollectionExtensions
{
    /// <summary>The mode configured in <paramref name="configuration"/>.</summary>
    public static ScaleMode ScaleModeOf(IConfiguration configuration) =>
        configuration.GetSection(ScaleOptions.SectionName).GetValue(nameof(ScaleOptions.Mode), ScaleMode.Embedded);

    /// <summary>
    /// Binds <see cref="ScaleOptions"/> (validated at start). In Hangfire mode also registers the claims, the
    /// PostgreSQL-backed Hangfire client, the intake that replaces the in-process queue and, when
    /// <paramref name="runJobs"/>, a Hangfire server that runs jobs on this node with a node-local ledger.
    /// </summary>
    public static IServiceCollection AddSceneCutScale(this IServiceCollection services, IConfiguration configuration, bool runJobs, TimeSpan drain)
    {
        services.AddOptions<ScaleOptions>().Bind(configuration.GetSection(ScaleOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScaleOptions>, ScaleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScaleOptions>, ScaleOptionsRulesValidator>());
        if (ScaleModeOf(configuration) != ScaleMode.Hangfire)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var scale = sp.GetRequiredService<IOptions<ScaleOptions>>().Value;
            return new ContentClaims(scale.ConnectionString!, TimeSpan.FromSeconds(scale.ClaimOrphanSeconds));
        });
        services.AddSingleton<DatabaseGate>();
        services.AddSingleton<NodeActivity>();
        services.AddSingleton<DuplicateNames>();
        services.AddSingleton<DistributedIntake>();
        services.AddSingleton<IJobIntake>(sp => sp.GetRequiredService<DistributedIntake>());
        services.AddTransient<AnalyseFileJob>();
        services.AddTransient<CopyResultsJob>();
        services.AddHangfire((sp, hangfire) => ConfigureHangfire(hangfire, sp.GetRequiredService<IOptions<ScaleOptions>>().Value));

        if (runJobs)
        {
            // The shared database is the truth across nodes; the runner's ledger only serves this process, so it
            // lives on local disk (SQLite on a network share is not safe) and starts empty.
            services.AddSingleton(sp =>
            {
                var scale = sp.GetRequiredService<IOptions<ScaleOptions>>().Value;
                var path = scale.NodeLedgerPath ?? Path.Combine(Path.GetTempPath(), $"scenecut-node-{Environment.ProcessId}.ledger.db");
                return JobLedger.Open(path, sp.GetRequiredService<TimeProvider>());
            });
            services.AddHangfireServer((sp, server) =>
            {
                var scale = sp.GetRequiredService<IOptions<ScaleOptions>>().Value;
                server.WorkerCount = scale.WorkerCount;
                // "default" too: until the queue went into each job, Hangfire put retried jobs there, where no node
                // looked. The schema is SceneCut's own, so that queue holds nothing but such stranded jobs.
                server.Queues = [ScaleDefaults.Queue, EnqueuedState.DefaultQueue];
                server.ServerName = ScaleNode.Name;
                server.ShutdownTimeout = drain;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(scale.QueuePollSeconds);
            });
        }

        return services;
    }

    /// <summary>Hangfire on PostgreSQL with SceneCut's retry policy; also used by <c>scenecut enqueue</c>.</summary>
    public static IGlobalConfiguration ConfigureHangfire(IGlobalConfiguration hangfire, ScaleOptions scale)
    {
        // Hangfire's default retry filter (10 attempts) would override ours: one policy, from configuration.
        GlobalJobFilters.Filters.Remove(typeof(AutomaticRetryAttribute));
        return hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new AutomaticRetryAttribute
            {
                Attempts = scale.MaxAttempts - 1,
                DelaysInSeconds = scale.RetryDelaysSeconds is { Length: > 0 } delays ? delays : ScaleDefaults.RetryDelaysSeconds,
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            })
            .UsePostgreSqlStorage(
                bootstrap => bootstrap.UseNpgsqlConnection(scale.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = ScaleDefaults.Schema,
                    PrepareSchemaIfNecessary = true,
                    // A long film keeps its job invisible through heartbeats; a dead node's job reappears after the timeout.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(scale.InvisibilityTimeoutSeconds),
                    QueuePollInterval = TimeSpan.FromSeconds(scale.QueuePollSeconds),
                    // Lock rows outlive the connection that took them: one left by a database outage mid state change
                    // would hold its job (stuck in Processing, or Enqueued) until this expires. Minutes by default.
                    DistributedLockTimeout = TimeSpan.FromSeconds(scale.LockTimeoutSeconds),
                });
    }
}
