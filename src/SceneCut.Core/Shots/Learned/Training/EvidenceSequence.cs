using OpenCvSharp;

namespace SceneCut.Shots.Learned.Training;

/// <summary>A labelled sequence turned into what the model reads: one <see cref="TransitionEvidence"/> vector per frame.</summary>
/// <param name="Name">The sequence's name.</param>
/// <param name="Source">Its source (left out together).</param>
/// <param name="Evidence">Per frame: <see cref="TransitionEvidence.Size"/> values.</param>
/// <param name="Cut">Per frame: 1 where a cut starts.</param>
/// <param name="Gradual">Per frame: 1 inside a gradual transition.</param>
/// <param name="Ignore">Per frame: true inside an ambiguous span.</param>
public sealed record EvidenceSequence(string Name, string Source, float[][] Evidence, float[] Cut, float[] Gradual, bool[] Ignore)
{
    /// <summary>The features the shot detector would take from each frame of <paramref name="sequence"/>.</summary>
    public static FrameFeatures[] Features(LabelledSequence sequence, FrameFeatureExtractor extractor, double[]? seconds = null)
    {
        var features = new FrameFeatures[sequence.Frames.Length];
        for (var f = 0; f < features.Length; f++)
        {
            using var picture = Mat.FromPixelData(sequence.Height, sequence.Width, MatType.CV_8UC3, sequence.Frames[f]);
            features[f] = extractor.Extract(f, seconds?[f] ?? f / 25.0, picture);
        }

        return features;
    }

    /// <summary>Evidence and labels of <paramref name="sequence"/>.</summary>
    public static EvidenceSequence From(LabelledSequence sequence, FrameFeatureExtractor extractor, double blackPixelThreshold)
    {
        var evidence = new TransitionEvidence(blackPixelThreshold);
        var vectors = Features(sequence, extractor).Select(evidence.Next).ToArray();
        return new EvidenceSequence(sequence.Name, sequence.Source, vectors, sequence.Cut, sequence.Gradual, sequence.Ignore);
    }

    /// <summary>
    /// Training windows of <paramref name="window"/> frames every <paramref name="stride"/> frames (the last one flush
    /// with the end), never holding an ignored frame: runs between ignored spans are windowed apart.
    /// </summary>
    public IEnumerable<Recurrent.Modes.SequenceExample> Windows(int window, int stride, int minFrames = 16)
    {
        var start = -1;
        for (var f = 0; f <= Evidence.Length; f++)
        {
            if (f < Evidence.Length && !Ignore[f])
            {
                start = start < 0 ? f : start;
                continue;
            }

            if (start >= 0 && f - start >= minFrames)
            {
                foreach (var example in RunWindows(start, f, window, stride))
                {
                    yield return example;
                }
            }

            start = -1;
        }
    }

    private IEnumerable<Recurrent.Modes.SequenceExample> RunWindows(int from, int to, int window, int stride)
    {
        for (var a = from; ; a += stride)
        {
            var b = Math.Min(to, a + window);
            var first = Math.Max(from, b - window);
            var inputs = Evidence[first..b];
            var targets = new float[b - first][];
            for (var t = first; t < b; t++)
            {
                targets[t - first] = [Cut[t], Gradual[t]];
            }

            yield return new Recurrent.Modes.SequenceExample(inputs, targets);
            if (b >= to)
            {
                yield break;
            }
        }
    }
}
