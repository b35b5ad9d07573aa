using SceneCut.Pipeline;

namespace SceneCut.Cli.Batch;

/// <summary>Frames analysed across all running files, for the batch's overall frames per second.</summary>
internal sealed class BatchProgress
{
    private long _frames;

    /// <summary>Frames analysed so far in this run.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>A progress sink for one file; it adds only the frames that file newly reports.</summary>
    public IProgress<PipelineProgress> ForFile() => new FileProgress(this);

    private void Add(long frames) => Interlocked.Add(ref _frames, frames);

    // Each file reports its cumulative count; the sink turns that into increments of the shared total.
    private sealed class FileProgress(BatchProgress total) : IProgress<PipelineProgress>
    {
        private int _last;

        public void Report(PipelineProgress value)
        {
            var delta = value.FramesDone - Interlocked.Exchange(ref _last, value.FramesDone);
            if (delta > 0)
            {
                total.Add(delta);
            }
        }
    }
}
