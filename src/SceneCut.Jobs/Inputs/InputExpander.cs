using SceneCut.Jobs.Jobs;

namespace SceneCut.Jobs.Inputs;

/// <summary>
/// Turns batch arguments (folders, files, globs such as <c>/archive/**/*.mxf</c>) into job inputs. A folder's files
/// keep their path below the folder; a glob's keep their path below the glob's fixed prefix; a single file keeps its
/// name. When two arguments yield the same relative path, the later one is prefixed with its root folder's name so
/// two sources never share a result file.
/// </summary>
public static class InputExpander
{
    private static readonly char[] Wildcards = ['*', '?', '['];

    /// <summary>The inputs, in a stable order, each source once; missing arguments are reported in <paramref name="missing"/>.</summary>
    public static IReadOnlyList<JobInput> Expand(IEnumerable<string> arguments, SourceFilter folderFilter, ICollection<string> missing)
    {
        var seenSources = new HashSet<string>(StringComparer.Ordinal);
        var seenRelative = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<JobInput>();
        foreach (var argument in arguments)
        {
            var (root, files) = Resolve(argument, folderFilter);
            if (files is null)
            {
                missing.Add(argument);
                continue;
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                if (!seenSources.Add(file))
                {
                    continue;
                }

                var relative = Path.GetRelativePath(root, file);
                if (!seenRelative.Add(relative))
                {
                    relative = Path.Combine(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), relative);
                    seenRelative.Add(relative);
                }

                inputs.Add(new JobInput(file, relative));
            }
        }

        return inputs;
    }

    private static (string Root, IEnumerable<string>? Files) Resolve(string argument, SourceFilter folderFilter)
    {
        var wildcard = argument.IndexOfAny(Wildcards);
        if (wildcard < 0)
        {
            var full = Path.GetFullPath(argument);
            if (Directory.Exists(full))
            {
                var files = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
                    .Where(f => folderFilter.Matches(Path.GetRelativePath(full, f)));
                return (full, files);
            }

            return File.Exists(full) ? (Path.GetDirectoryName(full)!, [full]) : (full, null);
        }

        // The fixed part before the first wildcard, cut back to a folder, is the root; the rest is the pattern.
        var prefix = argument[..wildcard];
        var cut = prefix.LastIndexOfAny(['/', '\\']);
        var rootText = cut < 0 ? "." : (cut == 0 ? "/" : prefix[..cut]);
        var root = Path.GetFullPath(rootText);
        var pattern = cut < 0 ? argument : argument[(cut + 1)..];
        if (!Directory.Exists(root))
        {
            return (root, null);
        }

        var glob = new SourceFilter([pattern], []);
        var matches = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(f => glob.Matches(Path.GetRelativePath(root, f)))
            .ToList();
        return (root, matches.Count == 0 ? null : matches);
    }
}
