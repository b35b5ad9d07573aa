using Microsoft.Extensions.Options;
using SceneCut.Output;

namespace SceneCut.Jobs.Options;

/// <summary>The rules that span several settings or need a lookup, which data annotations cannot say.</summary>
/// <param name="output">The output settings, for the formats that need one (hls: a playlist); null checks the job settings alone.</param>
public sealed class JobOptionsRulesValidator(IOptions<OutputOptions>? output) : IValidateOptions<JobOptions>
{
    /// <summary>A validator of the job settings alone.</summary>
    public JobOptionsRulesValidator()
        : this(null)
    {
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JobOptions options)
    {
        var failures = new List<string>();
        foreach (var format in options.Formats)
        {
            if (!ResultWriterRegistry.Default.Contains(format))
            {
                failures.Add($"{JobOptions.SectionName}:Formats: unknown format '{format}' (known: {string.Join(", ", ResultWriterRegistry.Default.Formats)})");
            }
        }

        // Caught at start, not as one quarantined file after another: hls has nothing to condition without a playlist.
        if (output is not null && options.Formats.Contains(OutputFormats.Hls, StringComparer.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(output.Value.HlsPlaylist))
        {
            failures.Add($"{JobOptions.SectionName}:Formats: 'hls' needs {OutputOptions.SectionName}:HlsPlaylist, the playlist of each video (e.g. {{name}}.m3u8 beside it)");
        }

        if (options.Quarantine == QuarantineMode.Move && string.IsNullOrWhiteSpace(options.QuarantineFolder))
        {
            failures.Add($"{JobOptions.SectionName}:QuarantineFolder: required when {JobOptions.SectionName}:Quarantine is Move");
        }

        if (options.Resilience.Retry.MaxDelaySeconds < options.Resilience.Retry.BaseDelaySeconds)
        {
            failures.Add($"{JobOptions.SectionName}:Resilience:Retry:MaxDelaySeconds: must be at least BaseDelaySeconds");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
