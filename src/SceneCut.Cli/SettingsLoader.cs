using Microsoft.Extensions.Configuration;
using SceneCut.Pipeline;

namespace SceneCut.Cli;

/// <summary>
/// Builds <see cref="PipelineOptions"/> from, in rising priority: built-in defaults, <c>appsettings.json</c> beside the
/// executable, <c>appsettings.json</c> in the current folder, a <c>--config</c> file, and <c>SCENECUT__…</c>
/// environment variables (e.g. <c>SCENECUT__SHOTS__CUTRATIO=5</c>).
/// </summary>
public static class SettingsLoader
{
    private const string FileName = "appsettings.json";

    /// <summary>The options for this run.</summary>
    public static PipelineOptions Load(FileInfo? configFile)
    {
        if (configFile is not null && !configFile.Exists)
        {
            throw new FileNotFoundException($"{configFile.FullName}: configuration file not found", configFile.FullName);
        }

        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), FileName), optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        var configuration = builder.AddEnvironmentVariables("SCENECUT__").Build();
        var options = new PipelineOptions();
        // Environment variables arrive without the prefix, so bind both the "SceneCut" section and the root.
        configuration.GetSection(PipelineOptions.SectionName).Bind(options);
        configuration.Bind(options);
        return options;
    }
}
