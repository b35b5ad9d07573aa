using SceneCut.Evaluation;
using SceneCut.Video;

namespace SceneCut.Embeddings;

/// <summary>
/// Measures, on clips with frame-accurate truth, the cosine similarity of embeddings within shots against across
/// cuts (the "done when" numbers of the embedding stage).
/// </summary>
public static class CutSimilarityStudy
{
    /// <summary>
    /// Runs the study over <paramref name="truthFiles"/> (each names its clip relative to the truth folder's parent).
    /// Within-shot pairs start every <paramref name="withinStride"/> frames; every cut and gradual transition is used.
    /// </summary>
    public static CutSimilarityReport Run(IEnumerable<string> truthFiles, IFrameEmbedder embedder, int withinStride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truthFiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(withinStride, 1);
        var within = new List<double>();
        var acrossCut = new List<double>();
        var acrossGradual = new List<double>();
        var framesEmbedded = 0;
        foreach (var truthPath in truthFiles)
        {
            var truth = TruthFile.Load(truthPath);
            var clip = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(truthPath)))!, truth.Video);
            var pairs = Pairs(truth, withinStride);
            var wanted = pairs.SelectMany(p => new[] { p.First, p.Second }).ToHashSet();
            using var source = OpenCvFrameSource.Open(clip);
            var embeddings = VideoEmbedding.EmbedFrames(source, embedder, wanted.Contains, cancellationToken);
            framesEmbedded += embeddings.Count;
            var byFrame = embeddings.FrameIndices.Select((frame, i) => (frame, i)).ToDictionary(x => x.frame, x => embeddings.Vectors[x.i]);
            foreach (var (first, second, kind) in pairs)
            {
                // A truth frame count above what decodes leaves pairs without vectors: skip them.
                if (!byFrame.TryGetValue(first, out var a) || !byFrame.TryGetValue(second, out var b))
                {
                    continue;
                }

                var similarity = (double)System.Numerics.Tensors.TensorPrimitives.Dot<float>(a, b);
                (kind switch { PairKind.Within => within, PairKind.Cut => acrossCut, _ => acrossGradual }).Add(similarity);
            }
        }

        var (threshold, accuracy, balanced) = BestThreshold(within, acrossCut);
        return new CutSimilarityReport(
            SimilarityDistribution.Of(within),
            SimilarityDistribution.Of(acrossCut),
            SimilarityDistribution.Of(acrossGradual),
            threshold,
            accuracy,
            balanced,
            framesEmbedded);
    }

    /// <summary>Which pair of frames to compare and what lies between them.</summary>
    internal enum PairKind
    {
        Within,
        Cut,
        Gradual,
    }

    /// <summary>The frame pairs of one clip. Frames truth calls ambiguous or distracting, and transition frames, are left out.</summary>
    internal static List<(int First, int Second, PairKind Kind)> Pairs(TruthFile truth, int withinStride)
    {
        var cuts = truth.Cuts.ToHashSet();
        var ambiguous = truth.Ambiguous.ToHashSet();
        var excluded = truth.Ambiguous.Concat(truth.Distractors)
            .Concat(truth.Gradual.SelectMany(g => Enumerable.Range(g[0], g[1] - g[0] + 1)))
            .ToHashSet();
        var pairs = new List<(int, int, PairKind)>();
        foreach (var cut in truth.Cuts.Where(c => c >= 1 && !ambiguous.Contains(c) && !excluded.Contains(c - 1)))
        {
            pairs.Add((cut - 1, cut, PairKind.Cut));
        }

        foreach (var gradual in truth.Gradual.Where(g => g[0] >= 1 && g[1] + 1 < truth.FrameCount))
        {
            pairs.Add((gradual[0] - 1, gradual[1] + 1, PairKind.Gradual));
        }

        for (var i = 0; i + 1 < truth.FrameCount; i += withinStride)
        {
            // (i, i+1) is inside one shot when i+1 starts nothing and neither frame is excluded.
            if (!cuts.Contains(i + 1) && !ambiguous.Contains(i + 1) && !excluded.Contains(i) && !excluded.Contains(i + 1))
            {
                pairs.Add((i, i + 1, PairKind.Within));
            }
        }

        return pairs;
    }

    // The threshold (midway between neighbouring observed similarities) with the best balanced accuracy.
    private static (double Threshold, double Accuracy, double Balanced) BestThreshold(List<double> within, List<double> across)
    {
        if (within.Count == 0 || across.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var values = within.Concat(across).Distinct().Order().ToArray();
        var best = (Threshold: double.NaN, Accuracy: double.NaN, Balanced: double.NegativeInfinity);
        for (var i = 0; i + 1 < values.Length; i++)
        {
            var threshold = (values[i] + values[i + 1]) / 2;
            var withinHits = within.Count(s => s >= threshold);
            var acrossHits = across.Count(s => s < threshold);
            var balanced = ((withinHits / (double)within.Count) + (acrossHits / (double)across.Count)) / 2;
            if (balanced > best.Balanced)
            {
                best = (threshold, (withinHits + acrossHits) / (double)(within.Count + across.Count), balanced);
            }
        }

        return best;
    }
}
