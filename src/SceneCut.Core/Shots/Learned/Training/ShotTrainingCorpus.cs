namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Everything training reads, built once: each labelled video's evidence with its truth, and synthetic episodes spliced
/// per source from that source's own shots (so leaving a source out leaves out its episodes too).
/// </summary>
public sealed class ShotTrainingCorpus
{
    private ShotTrainingCorpus(IReadOnlyList<EvidenceSequence> real, IReadOnlyList<EvidenceSequence> synthetic)
    {
        Real = real;
        Synthetic = synthetic;
    }

    /// <summary>One per labelled video.</summary>
    public IReadOnlyList<EvidenceSequence> Real { get; }

    /// <summary>Synthetic episodes, each spliced from one source's shots.</summary>
    public IReadOnlyList<EvidenceSequence> Synthetic { get; }

    /// <summary>Builds the corpus of <paramref name="videos"/> (their truth and decoded frames).</summary>
    public static ShotTrainingCorpus Build(IReadOnlyList<(LabelledVideo Truth, CachedVideo Video)> videos, ShotTrainingOptions options,
        ShotDetectionOptions shots, Action<string>? log = null)
    {
        using var extractor = new FrameFeatureExtractor(shots.AnalysisWidth, shots.HistogramBins);
        var real = new List<EvidenceSequence>();
        var bySource = new SortedDictionary<string, List<ShotSegment>>(StringComparer.Ordinal);
        foreach (var (truth, video) in videos)
        {
            var sequence = LabelledSequence.FromTruth(truth, video);
            real.Add(EvidenceSequence.From(sequence, extractor, shots.BlackPixelThreshold));
            if (!bySource.TryGetValue(truth.Source, out var segments))
            {
                bySource[truth.Source] = segments = [];
            }

            segments.AddRange(ShotSegment.Of(sequence, options.MinSegmentFrames));
        }

        var synthetic = new List<EvidenceSequence>();
        var sourceIndex = 0;
        foreach (var (source, segments) in bySource)
        {
            sourceIndex++;
            if (segments.Count == 0)
            {
                continue;
            }

            // Seeded by the source's place in the sorted list: the same data always gives the same episodes.
            var synthesizer = new TransitionSynthesizer(options.Synthesizer, (options.Seed * 7919) + sourceIndex);
            var count = Math.Clamp((int)Math.Round(segments.Count * options.EpisodesPerShot), options.MinEpisodesPerSource, options.MaxEpisodesPerSource);
            for (var e = 0; e < count; e++)
            {
                var episode = synthesizer.Episode(segments, $"synthetic-{sourceIndex}-{e}", source);
                synthetic.Add(EvidenceSequence.From(episode, extractor, shots.BlackPixelThreshold));
            }

            log?.Invoke($"{source}: {segments.Count} shots, {count} synthetic episodes");
        }

        return new ShotTrainingCorpus(real, synthetic);
    }
}
