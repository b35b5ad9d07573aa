using Microsoft.Extensions.Options;
using SceneCut.Output;

namespace SceneCut.Jobs.Options;

/// <summary>The rules that span several settings or need a lookup, which data annotations cannot say.</summary>
public sealed class JobOptionsRulesValidator : IValidateOptions<JobOptions>
{
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
