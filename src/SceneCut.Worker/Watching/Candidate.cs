using SceneCut.Jobs.Jobs;

namespace SceneCut.Worker.Watching;

/// <summary>A file seen but not yet taken: its last observed size and time, and since when they have not changed.</summary>
internal sealed class Candidate(JobInput input, long size, DateTime lastWriteUtc, long unchangedSince)
{
    public JobInput Input { get; } = input;

    public long Size { get; set; } = size;

    public DateTime LastWriteUtc { get; set; } = lastWriteUtc;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when size or time last changed (or when first seen).</summary>
    public long UnchangedSince { get; set; } = unchangedSince;
}
