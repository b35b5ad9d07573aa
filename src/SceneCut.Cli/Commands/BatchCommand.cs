using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;
using SceneCut.Cli.Batch;
using SceneCut.Jobs;
using SceneCut.Jobs.Inputs;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Ledger;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Jobs.Output;
using SceneCut.Jobs.Resilience;
using SceneCut.Output;
using Spectre.Console;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut batch &lt;dir|file|glob&gt;... --out &lt;dir&gt; [--parallel N] [--ledger file]</c>: every video through
/// the same job runner and ledger as the worker. The ledger defaults to a file in the output folder, so running the
/// same command again resumes and skips what is done. Ends with a summary table, a machine-readable summary file, and
/// exit code 11 when any file has no result.
/// </summary>
public static class BatchCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Folders (searched recursively for videos), files or globs such as '/archive/**/*.mxf'.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder for the results (created when missing).", Required = true };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Files analysed at the same time.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount / 2) };
        var ledger = new Option<FileInfo?>("--ledger") { Description = $"The ledger database (default: {JobDefaults.LedgerFileName} in the output folder)." };
        var summary = new Option<FileInfo?>("--summary") { Description = $"Where to write the JSON summary (default: {BatchSummary.FileName} in the output folder)." };
        var command = new Command("batch", "Analyse many videos with resume: skips what is done, retries, quarantines what cannot be read.")
        {
            inputs, output, parallel, ledger, summary,
        };

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            () => RunAsync(
                new BatchRequest(
                    parse.GetRequiredValue(inputs),
                    parse.GetRequiredValue(output).FullName,
                    parse.GetValue(parallel),
                    parse.GetValue(ledger)?.FullName,
                    parse.GetValue(summary)?.FullName,
                    parse.GetValue(configOption)),
                cancellationToken),
            System.Console.Error));
        return command;
    }

    private static async Task<int> RunAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        if (request.Parallel < 1)
        {
            throw new ValidationException("--parallel: must be at least 1");
        }

        var configuration = SettingsLoader.Configuration(request.ConfigFile);
        var pipelineOptions = SettingsLoader.Load(request.ConfigFile);
        // The output settings detect reads, read the same way: both commands render every format alike.
        var sink = new ResultSink(SettingsLoader.LoadSection<OutputOptions>(request.ConfigFile, "Output"));
        var services = new ServiceCollection().AddLogging().AddSceneCutJobs(configuration);
        await using var provider = services.BuildServiceProvider();
        JobOptions jobOptions;
        try
        {
            jobOptions = provider.GetRequiredService<IOptions<JobOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new ValidationException(string.Join("; ", ex.Failures));
        }

        Directory.CreateDirectory(request.OutputFolder);
        var layout = new OutputLayout(request.OutputFolder);
        var missing = new List<string>();
        var files = InputExpander.Expand(request.Inputs, new SourceFilter([], SourceFilter.DefaultExclude), missing)
            .Where(i => !layout.Contains(i.SourcePath))
            .ToList();
        foreach (var argument in missing)
        {
            await System.Console.Error.WriteLineAsync($"scenecut: warning: {argument}: no such file, folder or matching files").ConfigureAwait(false);
        }

        if (files.Count == 0)
        {
            throw new FileNotFoundException("no video files found in the given inputs");
        }

        // --ledger, else Worker:Jobs:LedgerPath, else the output folder: running the same command again resumes.
        var ledgerPath = request.LedgerPath
            ?? (jobOptions.LedgerPath is { Length: > 0 } configured ? configured : Path.Combine(layout.Root, JobDefaults.LedgerFileName));
        var time = provider.GetRequiredService<TimeProvider>();
        JobLedger jobLedger;
        try
        {
            jobLedger = JobLedger.Open(ledgerPath, time);
        }
        catch (LedgerUnavailableException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        using (jobLedger)
        {
            var metrics = provider.GetRequiredService<JobMetrics>();
            var runner = new JobRunner(jobLedger, layout, sink, jobOptions, pipelineOptions, provider.GetRequiredService<ResiliencePipelineProvider<string>>(),
                provider.GetRequiredService<OutputCircuit>(), metrics, time, provider.GetRequiredService<ILogger<JobRunner>>());
            var started = time.GetUtcNow();
            var results = await RunFilesAsync(runner, files, request.Parallel, metrics, provider.GetRequiredService<ILogger<JobQueue>>(), cancellationToken).ConfigureAwait(false);
            var summary = BatchReport.Summarise(results, started, time.GetUtcNow(), jobLedger.Path);
            var summaryPath = request.SummaryPath ?? Path.Combine(layout.Root, BatchSummary.FileName);
            await OutputPlan.WriteFileAsync(summaryPath, Encoding.UTF8.GetBytes(summary.ToJson() + "\n"), CancellationToken.None).ConfigureAwait(false);
            BatchReport.Print(summary, summaryPath, AnsiConsole.Console);
            if (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }

            return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        }
    }

    // Runs every file through a bounded queue; on Ctrl+C, running files are cancelled (left pending) and the outcomes
    // so far are returned, so the summary still says what happened.
    private static async Task<IReadOnlyList<JobOutcome>> RunFilesAsync(
        JobRunner runner, IReadOnlyList<JobInput> files, int parallel, JobMetrics metrics, ILogger<JobQueue> logger, CancellationToken cancellationToken)
    {
        var outcomes = new List<JobOutcome>(files.Count);
        var frames = new BatchProgress();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var queue = new JobQueue(runner, parallel, capacity: parallel * 2, metrics, logger);
        await using (queue.ConfigureAwait(false))
        {
            var console = AnsiConsole.Console;
            var interactive = console.Profile.Capabilities.Interactive && !System.Console.IsErrorRedirected;
            await console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("files", maxValue: files.Count);
                    var gate = new Lock();
                    queue.Start(
                        outcome =>
                        {
                            lock (gate)
                            {
                                outcomes.Add(outcome);
                                task.Increment(1);
                                var fps = frames.Frames / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds);
                                var failed = outcomes.Count(o => !o.Succeeded);
                                task.Description = $"files {outcomes.Count}/{files.Count}  failed {failed}  {fps:0} frames/s";
                                if (!interactive)
                                {
                                    System.Console.Error.WriteLine($"[{outcomes.Count}/{files.Count}] {outcome.Kind,-11} {outcome.Input.SourcePath}{(outcome.Error is null ? "" : "  " + outcome.Error)}");
                                }
                            }

                            return ValueTask.CompletedTask;
                        },
                        _ => frames.ForFile());
                    try
                    {
                        foreach (var file in files)
                        {
                            await queue.EnqueueAsync(file, cancellationToken).ConfigureAwait(false);
                        }

                        queue.Complete();
                        await queue.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        await queue.StopAsync(TimeSpan.Zero, TimeProvider.System).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }

        return outcomes;
    }

    private sealed record BatchRequest(string[] Inputs, string OutputFolder, int Parallel, string? LedgerPath, string? SummaryPath, FileInfo? ConfigFile);
}
