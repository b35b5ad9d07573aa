using Microsoft.Extensions.Configuration;
using SceneCut.Output;

namespace SceneCut.Cli;

/// <summary>
/// Binds <see cref="OutputOptions"/> from the <c>SceneCut:Output</c> section, from the same sources and in the same
/// order as <see cref="SettingsLoader"/> (beside the executable, current folder, <c>--config</c>,
/// <c>SCENECUT__OUTPUT__…</c>, e.g. <c>SCENECUT__OUTPUT__FORMATS__0=csv</c>). Not validated here: the command line
/// may still change the formats.
/// </summary>
public static class OutputSettings
{
    private const string FileName = "appsettings.json";

    /// <summary>The output options for this run.</summary>
    public static OutputOptions Load(FileInfo? configFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), FileName), optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        var configuration = builder.AddEnvironmentVariables("SCENECUT__").Build();
        var options = new OutputOptions();
        configuration.GetSection(OutputOptions.SectionName).Bind(options);
        // Environment variables arrive without the prefix (SCENECUT__OUTPUT__EDLSTARTTIMECODE → Output:EdlStartTimecode).
        configuration.GetSection("Output").Bind(options);
        return options;
    }
}
