using SceneCut.Jobs.Inputs;
using SceneCut.Jobs.Jobs;
using SceneCut.Worker.Options;

namespace SceneCut.Worker.Watching;

/// <summary>One watched folder: its filter, a full scan, and a file-system watcher that reports candidates as they appear.</summary>
internal sealed class WatchedFolder : IDisposable
{
    private readonly SourceFilter _filter;
    private readonly bool _recursive;
    private FileSystemWatcher? _watcher;

    public WatchedFolder(WatchFolderOptions options)
    {
        Root = Path.GetFullPath(options.Path);
        _filter = new SourceFilter(options.Include, options.Exclude ?? SourceFilter.DefaultExclude);
        _recursive = options.Recursive;
    }

    /// <summary>The folder, absolute.</summary>
    public string Root { get; }

    /// <summary>True when the folder exists now (a share may be unmounted).</summary>
    public bool Exists => Directory.Exists(Root);

    /// <summary>The job input for <paramref name="path"/> when it belongs to this folder and passes the filter; otherwise null.</summary>
    public JobInput? InputFor(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        if (!_recursive && relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return _filter.Matches(relative) ? new JobInput(path, relative) : null;
    }

    /// <summary>Every matching file now in the folder.</summary>
    public IEnumerable<JobInput> Scan()
    {
        if (!Exists)
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = _recursive, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(Root, "*", options).Select(InputFor).OfType<JobInput>();
    }

    /// <summary>
    /// Starts the watcher when it is not running and the folder exists; <paramref name="onPath"/> gets every created,
    /// changed or renamed-to path. Events are only hints: the periodic rescan is what guarantees no file is missed.
    /// </summary>
    public void EnsureWatching(Action<string> onPath, Action<Exception> onError)
    {
        if (_watcher is not null || !Exists)
        {
            return;
        }

        var watcher = new FileSystemWatcher(Root)
        {
            IncludeSubdirectories = _recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite,
            // Large buffer: a burst of copies into a busy folder must not overflow it (64 KiB is the maximum).
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => onPath(e.FullPath);
        watcher.Changed += (_, e) => onPath(e.FullPath);
        watcher.Renamed += (_, e) => onPath(e.FullPath);
        watcher.Error += (_, e) =>
        {
            onError(e.GetException());
            // A broken watcher (overflow, folder gone) is dropped and recreated at the next rescan.
            StopWatching();
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    /// <summary>Stops the watcher.</summary>
    public void StopWatching()
    {
        var watcher = Interlocked.Exchange(ref _watcher, null);
        watcher?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => StopWatching();
}
