using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SceneCut.Output;

namespace SceneCut.Jobs.Options;

/// <summary>Validates <see cref="OutputOptions"/> (<c>SceneCut:Output</c>) at start with the same rules <c>detect</c> applies.</summary>
public sealed class OutputOptionsValidator : IValidateOptions<OutputOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutputOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException ex)
        {
            // The message already names every bad field.
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
