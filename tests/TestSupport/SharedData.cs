namespace SceneCut.Testing;

/// <summary>
/// Finds <c>../shared/data</c> (real clips and their truth) beside the repository, or where
/// <c>SCENECUT_SHARED_DATA</c> points. CI has it; a clone elsewhere may not.
/// </summary>
public static class SharedData
{
    /// <summary>The shared data folder, or null when absent.</summary>
    public static string? Folder { get; } = Locate();

    /// <summary>The repository root (the folder holding SceneCut.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Path of a clip in <c>clips/</c>.</summary>
    public static string Clip(string name) =>
        Path.Combine(Folder ?? throw new InvalidOperationException(SkipReason), "clips", name);

    /// <summary>Why tests that need the shared data are skipped.</summary>
    public const string SkipReason =
        "../shared/data (real clips and truth) is not beside this clone; set SCENECUT_SHARED_DATA to run these tests.";

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SCENECUT_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "data"));
        return Directory.Exists(Path.Combine(candidate, "truth")) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SceneCut.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SceneCut.sln not found above {AppContext.BaseDirectory}");
    }
}
