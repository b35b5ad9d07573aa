using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SceneCut.Pipeline;

namespace SceneCut.Jobs.Options;

/// <summary>Runs the pipeline's own validation at start, so a bad <c>SceneCut</c> setting stops the host with its name.</summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException ex)
        {
            return ValidateOptionsResult.Fail($"{PipelineOptions.SectionName}: {ex.Message}");
        }
    }
}
