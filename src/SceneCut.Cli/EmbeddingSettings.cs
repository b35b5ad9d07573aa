using Microsoft.Extensions.Configuration;
using SceneCut.Embeddings;

namespace SceneCut.Cli;

/// <summary>
/// Binds <see cref="EmbeddingOptions"/> from the <c>SceneCut:Embeddings</c> section, from the same sources and in the
/// same order as <see cref="SettingsLoader"/> (beside the executable, current folder, <c>--config</c>,
/// <c>SCENECUT__EMBEDDINGS__…</c>). Separate until the scene model puts embeddings into the pipeline options.
/// </summary>
public static class EmbeddingSettings
{
    private const string FileName = "appsettings.json";
    private const string SectionName = "SceneCut:Embeddings";

    /// <summary>The embedding options for this run, validated.</summary>
    public static EmbeddingOptions Load(FileInfo? configFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), FileName), optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        var configuration = builder.AddEnvironmentVariables("SCENECUT__").Build();
        var options = new EmbeddingOptions();
        configuration.GetSection(SectionName).Bind(options);
        // Environment variables arrive without the prefix (SCENECUT__EMBEDDINGS__BATCHSIZE → Embeddings:BatchSize).
        configuration.GetSection("Embeddings").Bind(options);
        options.Validate();
        return options;
    }
}
