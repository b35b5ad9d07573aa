using Microsoft.Extensions.Configuration;
using SceneCut.Pipeline;

namespace SceneCut.Cli;

/// <summary>
/// Reads settings from, in rising priority: built-in defaults, <c>appsettings.json</c> beside the executable,
/// <c>appsettings.json</c> in the current folder, a <c>--config</c> file, and <c>SCENECUT__…</c> environment
/// variables (e.g. <c>SCENECUT__SHOTS__CUTRATIO=5</c>). Every command reads its settings through here.
/// </summary>
public static class SettingsLoader
{
    private const string FileName = "appsettings.json";

    /// <summary>The whole configuration of this run (for sections outside <c>SceneCut</c>, e.g. <c>Worker:Jobs</c>).</summary>
    public static IConfiguration Configuration(FileInfo? configFile)
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

        return builder.AddEnvironmentVariables("SCENECUT__").Build();
    }

    /// <summary>The pipeline options for this run.</summary>
    public static PipelineOptions Load(FileInfo? configFile) => Bind<PipelineOptions>(Configuration(configFile), null);

    /// <summary>The options of the <c>SceneCut:<paramref name="section"/></c> section (e.g. <c>Output</c>).</summary>
    public static T LoadSection<T>(FileInfo? configFile, string section)
        where T : new() => Bind<T>(Configuration(configFile), section);

    private static T Bind<T>(IConfiguration configuration, string? section)
        where T : new()
    {
        var options = new T();
        var path = section is null ? PipelineOptions.SectionName : $"{PipelineOptions.SectionName}:{section}";
        configuration.GetSection(path).Bind(options);
        // Environment variables arrive without the prefix (SCENECUT__OUTPUT__FORMATS__0 → Output:Formats:0), so bind
        // the same section from the root too.
        if (section is null)
        {
            configuration.Bind(options);
        }
        else
        {
            configuration.GetSection(section).Bind(options);
        }

        return options;
    }
}
