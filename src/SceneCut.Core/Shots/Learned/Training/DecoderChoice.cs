namespace SceneCut.Shots.Learned.Training;

/// <summary>One candidate way of using the model's probabilities: the mode and the decoder's thresholds.</summary>
public sealed record DecoderChoice(LearnedShotMode Mode, double CutThreshold, double GradualThreshold, int MinGradualFrames, double MinGradualScore)
{
    /// <summary>The candidates leave-one-source-out chooses among (fixed before any run; the first is the plain default).</summary>
    public static IReadOnlyList<DecoderChoice> Grid { get; } =
        (from mode in new[] { LearnedShotMode.Add, LearnedShotMode.Replace }
         from cut in new[] { 0.5, 0.7, 0.9 }
         from gradual in new[] { 0.5, 0.7 }
         from frames in new[] { 2, 4, 6 }
         from score in new[] { 0.5, 0.75, 0.9 }
         where score >= gradual
         select new DecoderChoice(mode, cut, gradual, frames, score)).ToList();

    /// <summary><paramref name="shots"/> with this choice applied.</summary>
    public ShotDetectionOptions Apply(ShotDetectionOptions shots)
    {
        var options = LeaveOneSourceOut.WithMode(shots, Mode);
        options.Learned.CutThreshold = CutThreshold;
        options.Learned.GradualThreshold = GradualThreshold;
        options.Learned.MinGradualFrames = MinGradualFrames;
        options.Learned.MinGradualScore = MinGradualScore;
        return options;
    }

    public override string ToString() =>
        $"{Mode} cut≥{CutThreshold:0.##} gradual≥{GradualThreshold:0.##} run≥{MinGradualFrames} mean≥{MinGradualScore:0.##}";
}
