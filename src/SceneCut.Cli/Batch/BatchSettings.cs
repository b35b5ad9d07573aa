using Microsoft.Extensions.Configuration;

namespace SceneCut.Cli.Batch;

/// <summary>
/// The configuration <c>batch</c> composes the job runner from: the same sources and order as
/// <see cref="SettingsLoader"/> (appsettings.json beside the executable, in the current folder, <c>--config</c>,
/// <c>SCENECUT__</c> variables), as a whole so the <c>Worker:Jobs</c> section is read too.
/// </summary>
internal static class BatchSettings
{
    private const string FileName = "appsettings.json";

    public static IConfiguration Load(FileInfo? configFile)
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

        // SCENECUT__WORKER__JOBS__MAXATTEMPTS=5 arrives as Worker:Jobs:MaxAttempts.
        return builder.AddEnvironmentVariables("SCENECUT__").Build();
    }
}
