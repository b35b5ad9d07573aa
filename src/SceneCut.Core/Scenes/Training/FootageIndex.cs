using SceneCut.Shots;

namespace SceneCut.Scenes.Training;

/// <summary>
/// One source video, analysed once for training: its detected shots and CNN embeddings of frames at a steady cadence.
/// Episodes are spliced from these, so training never decodes a video twice.
/// </summary>
/// <param name="Source">The video's file name.</param>
/// <param name="ModelId">Identity of the CNN that made the embeddings.</param>
/// <param name="DurationSeconds">Length of the decoded video.</param>
/// <param name="Shots">Detected shots.</param>
/// <param name="Samples">Embedded frames in time order.</param>
public sealed record FootageIndex(string Source, string ModelId, double DurationSeconds, IReadOnlyList<FootageShot> Shots, IReadOnlyList<FootageSample> Samples)
{
    /// <summary>The embedding of the sample nearest <paramref name="seconds"/> (detection embeds a shot by its middle).</summary>
    public float[] EmbeddingAt(double seconds)
    {
        var best = Samples[0];
        foreach (var sample in Samples)
        {
            if (Math.Abs(sample.Seconds - seconds) < Math.Abs(best.Seconds - seconds))
            {
                best = sample;
            }
        }

        return best.Embedding;
    }

    /// <summary>The video's shots as the scene model reads them, each embedded from the sample nearest its middle.</summary>
    public IReadOnlyList<ShotSummary> Summaries() =>
        Shots.Select(s => new ShotSummary(s.StartSeconds, s.EndSeconds, s.TransitionIn, s.IsBlack, EmbeddingAt((s.StartSeconds + s.EndSeconds) / 2))).ToList();
}

/// <summary>A detected shot of a source video; <paramref name="StartFrame"/> is its first frame in decode order.</summary>
public sealed record FootageShot(double StartSeconds, double EndSeconds, TransitionKind? TransitionIn, bool IsBlack, int StartFrame = 0);

/// <summary>An embedded frame of a source video.</summary>
public sealed record FootageSample(double Seconds, float[] Embedding);
