using SceneCut.Jobs.Jobs;

namespace SceneCut.Worker.Watching;

/// <summary>
/// Decides when a file is complete: its size and modification time have not changed for the configured time and it
/// can be opened for reading (on Windows a file still being copied is locked; on Linux the quiet period does the
/// work). A file still being copied is never handed out half-written. Not thread-safe: one loop owns it.
/// </summary>
internal sealed class StabilityTracker(TimeSpan stableFor, TimeProvider time)
{
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);

    /// <summary>Files being watched for stability.</summary>
    public int Count => _candidates.Count;

    /// <summary>Starts (or keeps) watching <paramref name="input"/>.</summary>
    public void Observe(JobInput input)
    {
        if (_candidates.ContainsKey(input.SourcePath))
        {
            return;
        }

        var file = new FileInfo(input.SourcePath);
        if (file.Exists)
        {
            _candidates[input.SourcePath] = new Candidate(input, file.Length, file.LastWriteTimeUtc, time.GetTimestamp());
        }
    }

    /// <summary>Removes and returns the files that are now complete; drops the ones that disappeared.</summary>
    public IReadOnlyList<JobInput> TakeReady()
    {
        var ready = new List<JobInput>();
        var now = time.GetTimestamp();
        foreach (var candidate in _candidates.Values.ToList())
        {
            var file = new FileInfo(candidate.Input.SourcePath);
            if (!file.Exists)
            {
                _candidates.Remove(candidate.Input.SourcePath);
                continue;
            }

            if (file.Length != candidate.Size || file.LastWriteTimeUtc != candidate.LastWriteUtc)
            {
                candidate.Size = file.Length;
                candidate.LastWriteUtc = file.LastWriteTimeUtc;
                candidate.UnchangedSince = now;
                continue;
            }

            if (time.GetElapsedTime(candidate.UnchangedSince, now) >= stableFor && CanOpen(candidate.Input.SourcePath))
            {
                _candidates.Remove(candidate.Input.SourcePath);
                ready.Add(candidate.Input);
            }
        }

        return ready;
    }

    private static bool CanOpen(string path)
    {
        try
        {
            // FileShare.Read only: a writer that still holds the file open for writing (Windows copy) makes this fail.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
