using Microsoft.Extensions.FileSystemGlobbing;

namespace SceneCut.Jobs.Inputs;

/// <summary>Include and exclude glob patterns (<c>**/*.mp4</c>, <c>**/.*</c>) over paths relative to an input root.</summary>
public sealed class SourceFilter
{
    /// <summary>Video containers taken when no include pattern is given.</summary>
    public static readonly string[] DefaultInclude =
        ["**/*.mp4", "**/*.m4v", "**/*.mov", "**/*.mkv", "**/*.mxf", "**/*.avi", "**/*.ts", "**/*.mts", "**/*.webm", "**/*.mpg", "**/*.mpeg", "**/*.wmv"];

    /// <summary>Hidden files and the usual partial-download names, never taken.</summary>
    public static readonly string[] DefaultExclude = ["**/.*", "**/.*/**", "**/*.part", "**/*.partial", "**/*.tmp", "**/*.crdownload"];

    private readonly Matcher _matcher = new(StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a filter; empty include lists mean <see cref="DefaultInclude"/>.</summary>
    public SourceFilter(IReadOnlyCollection<string> include, IReadOnlyCollection<string> exclude)
    {
        _matcher.AddIncludePatterns(include.Count == 0 ? DefaultInclude : include);
        _matcher.AddExcludePatterns(exclude);
    }

    /// <summary>True when <paramref name="relativePath"/> (with / or \) is included and not excluded.</summary>
    public bool Matches(string relativePath) => _matcher.Match(relativePath.Replace('\\', '/')).HasMatches;
}
