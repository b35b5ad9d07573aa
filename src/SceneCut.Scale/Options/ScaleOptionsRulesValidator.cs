using Microsoft.Extensions.Options;
using Npgsql;

namespace SceneCut.Scale.Options;

/// <summary>Rules across fields: Hangfire mode needs a connection string that Npgsql can parse.</summary>
public sealed class ScaleOptionsRulesValidator : IValidateOptions<ScaleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ScaleOptions options)
    {
        if (options.Mode != ScaleMode.Hangfire)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Scale:ConnectionString is required when Scale:Mode is Hangfire (e.g. Host=db;Username=scenecut;Database=scenecut).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Scale:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
