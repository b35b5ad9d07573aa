using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using SceneCut.Jobs;
using SceneCut.Jobs.Inputs;
using SceneCut.Scale;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Database;
using SceneCut.Scale.Intake;
using SceneCut.Scale.Options;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut enqueue &lt;dir|file|glob&gt;...</c>: one Hangfire job per video for the scale-out workers, through the same
/// content claim as their folder watchers, so a file (or the same content under another name) already claimed is not
/// enqueued again. Needs <c>Scale:ConnectionString</c> (appsettings.json, <c>--config</c> or
/// <c>SCENECUT__SCALE__CONNECTIONSTRING</c>); results go to each worker's <c>Worker:OutputFolder</c>, under the path the
/// file has below its argument (as with <c>batch</c>).
/// </summary>
public static class EnqueueCommand
{
    /// <summary>The command; it prints to <paramref name="output"/> and <paramref name="error"/> (default: the console).</summary>
    public static Command Create(Option<FileInfo?> configOption, TextWriter? output = null, TextWriter? error = null)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Folders (searched recursively for videos), files or globs such as '/archive/**/*.mxf'.", Arity = ArgumentArity.OneOrMore };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the database before giving up.", DefaultValueFactory = _ => DefaultWaitSeconds };
        var command = new Command("enqueue", "Queue videos for the scale-out workers (Hangfire on PostgreSQL): one job per content, never twice.")
        {
            inputs, wait,
        };

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            () => RunAsync(parse.GetRequiredValue(inputs), parse.GetValue(wait), parse.GetValue(configOption), output ?? System.Console.Out, error ?? System.Console.Error, cancellationToken),
            error ?? System.Console.Error));
        return command;
    }

    // A command, unlike a service at boot, should not sit for minutes: ten seconds rides out a database restart.
    private const double DefaultWaitSeconds = 10;

    private static async Task<int> RunAsync(string[] arguments, double waitSeconds, FileInfo? configFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (waitSeconds < 0)
        {
            throw new ValidationException("--wait: must be 0 or more seconds");
        }

        // The scale-out settings of this run, in Hangfire mode whatever Scale:Mode says (the workers' mode is theirs).
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(SettingsLoader.Configuration(configFile))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ScaleOptions.SectionName}:{nameof(ScaleOptions.Mode)}"] = nameof(ScaleMode.Hangfire),
                [$"{ScaleOptions.SectionName}:{nameof(ScaleOptions.StartupWaitSeconds)}"] = waitSeconds.ToString(CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSceneCutJobs(configuration)
            .AddSceneCutScale(configuration, runJobs: false, drain: TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<ScaleOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new ValidationException(string.Join("; ", ex.Failures));
        }

        var missing = new List<string>();
        var files = InputExpander.Expand(arguments, new SourceFilter([], SourceFilter.DefaultExclude), missing);
        foreach (var argument in missing)
        {
            await error.WriteLineAsync($"scenecut: warning: {argument}: no such file, folder or matching files").ConfigureAwait(false);
        }

        if (files.Count == 0)
        {
            throw new FileNotFoundException("no video files found in the given inputs");
        }

        try
        {
            await provider.GetRequiredService<DatabaseGate>().WaitAsync(cancellationToken).ConfigureAwait(false);
            var intake = provider.GetRequiredService<DistributedIntake>();
            int enqueued = 0, claimed = 0, copies = 0, pending = 0, failed = 0;
            foreach (var file in files)
            {
                IntakeResult result;
                try
                {
                    result = await intake.ClaimAndEnqueueAsync(file, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failed++;
                    await error.WriteLineAsync($"scenecut: error: {file.SourcePath}: {ex.Message}").ConfigureAwait(false);
                    continue;
                }

                switch (result.Claim)
                {
                    case not null when result.NewName:
                        copies++;
                        await output.WriteLineAsync($"same      {file.SourcePath}  content already {result.Claim} under another name: its results will be copied").ConfigureAwait(false);
                        break;
                    case ClaimState.Claimed:
                        enqueued++;
                        await output.WriteLineAsync($"enqueued  {file.SourcePath}  job {result.JobId}").ConfigureAwait(false);
                        break;
                    case null:
                        pending++;
                        await output.WriteLineAsync($"pending   {file.SourcePath}  another node is enqueuing this content").ConfigureAwait(false);
                        break;
                    default:
                        claimed++;
                        await output.WriteLineAsync($"claimed   {file.SourcePath}  already {result.Claim}").ConfigureAwait(false);
                        break;
                }
            }

            await output.WriteLineAsync(
                $"{files.Count} file(s): {enqueued} enqueued, {claimed} already claimed, {copies} same content as another file, " +
                $"{pending} being enqueued by another node, {failed} unreadable").ConfigureAwait(false);
            return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is NpgsqlException or TimeoutException)
        {
            // The database gate's message: which server, which setting, why.
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.DatabaseUnreachable;
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"scenecut: error: lost the database (Scale:ConnectionString): {ex.Message}").ConfigureAwait(false);
            return ExitCodes.DatabaseUnreachable;
        }
    }
}
