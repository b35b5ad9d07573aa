namespace SceneCut.Shots.Learned.Training;

/// <summary>One candidate way of using the model's probabilities: the mode and the decoder's thresholds.</summary>
public sealed record DecoderChoice(LearnedShotMode Mode, double CutThreshold, double GradualThreshold, int MinGradualFrames, double MinGradualScore)
{
    /// <summary>The candidates leave-one-source-out chooses among (the second run's grid: the first run's choices sat at its strictest corner).</summary>
    public static IReadOnlyList<DecoderChoice> Grid { get; } =
        (from mode in new[] { LearnedShotMode.Add, LearnedShotMode.AddGradual }
         from cut in mode == LearnedShotMode.AddGradual ? new[] { 0.5 } : new[] { 0.5, 0.8, 0.95 }
         from gradual in new[] { 0.5, 0.7 }
         from frames in new[] { 4, 6, 8, 10 }
         from score in new[] { 0.75, 0.9, 0.95 }
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
