using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SceneCut.Jobs.Options;

namespace SceneCut.Jobs.Resilience;

/// <summary>Registers the named resilience pipelines, each built from <see cref="JobOptions.Resilience"/>.</summary>
internal static class JobResilienceRegistration
{
    public static IServiceCollection AddJobResiliencePipelines(this IServiceCollection services)
    {
        services.AddResiliencePipeline(JobPipelineNames.SourceIo, (builder, context) =>
        {
            var options = Options(context.ServiceProvider);
            builder.AddRetry(IoRetry(options.Retry, TransientErrors.IsSourceIo, Logger(context.ServiceProvider), JobPipelineNames.SourceIo));
        });

        services.AddResiliencePipeline(JobPipelineNames.Output, (builder, context) =>
        {
            var options = Options(context.ServiceProvider);
            var breaker = options.CircuitBreaker;
            var logger = Logger(context.ServiceProvider);
            // Retry outside the breaker: every failed write counts towards opening it, and once it is open the
            // retry stops at once (BrokenCircuitException is not retried) so the job is released, not stuck.
            builder
                .AddRetry(IoRetry(options.Retry, TransientErrors.IsOutput, logger, JobPipelineNames.Output))
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = breaker.FailureRatio,
                    MinimumThroughput = breaker.MinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(breaker.SamplingSeconds),
                    BreakDuration = TimeSpan.FromSeconds(breaker.BreakSeconds),
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientErrors.IsOutput),
                    StateProvider = context.ServiceProvider.GetRequiredService<OutputCircuit>().State,
                    OnOpened = args =>
                    {
                        logger.LogWarning(args.Outcome.Exception, "Output folder failing: circuit open for {BreakSeconds} s", args.BreakDuration.TotalSeconds);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        logger.LogInformation("Output folder writable again: circuit closed");
                        return default;
                    },
                });
        });

        services.AddResiliencePipeline(JobPipelineNames.Analysis, (builder, context) =>
        {
            var timeout = Options(context.ServiceProvider).Timeout;
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    timeout.For(args.Context.Properties.GetValue(JobContextKeys.MediaSeconds, 0.0))),
            });
        });

        services.AddResiliencePipeline(JobPipelineNames.Attempts, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<JobOptions>>().Value;
            builder.AddRetry(new RetryStrategyOptions
            {
                // The ledger's attempt count decides (it survives restarts); this bound only keeps Polly's own counter finite.
                MaxRetryAttempts = options.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.Resilience.Attempts.BaseDelaySeconds),
                ShouldHandle = new PredicateBuilder().Handle<AttemptFailedException>(ex => ex.CanRetry),
            });
        });

        return services;
    }

    private static JobResilienceOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<JobOptions>>().Value.Resilience;

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("SceneCut.Jobs.Resilience");

    private static RetryStrategyOptions IoRetry(IoRetryOptions retry, Func<Exception, bool> handles, ILogger logger, string pipeline) => new()
    {
        MaxRetryAttempts = Math.Max(1, retry.MaxRetryAttempts),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(retry.BaseDelaySeconds),
        MaxDelay = TimeSpan.FromSeconds(retry.MaxDelaySeconds),
        // MaxRetryAttempts = 0 in the settings means "no retry"; Polly needs at least 1, so handle nothing instead.
        ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => retry.MaxRetryAttempts > 0 && handles(ex)),
        OnRetry = args =>
        {
            logger.LogWarning(
                "{Pipeline}: retry {Attempt} in {DelaySeconds:0.00} s after {Error}",
                pipeline,
                args.AttemptNumber + 1,
                args.RetryDelay.TotalSeconds,
                args.Outcome.Exception?.Message);
            return default;
        },
    };
}
