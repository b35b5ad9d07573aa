using System.ComponentModel.DataAnnotations;
using SceneCut.AdSlots;
using SceneCut.Results;
using SceneCut.Scenes;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.AdSlots;

public sealed class AdSlotPlannerTests
{
    private const double Fps = 25;

    // A policy that lets several slots fit into the short test videos; the quiet-shot bonus is off (test shots last 30 s).
    private static AdPolicyOptions Loose() => new() { MinScore = 0.5, MinGapSeconds = 60, MarginSeconds = 30, MaxSlotsPerHour = 60, QuietShotSeconds = 60 };

    /// <summary>A video of 30 s shots whose scenes start at the given seconds with the given probabilities.</summary>
    private static (List<ShotEntry> Shots, IReadOnlyList<SceneEntry> Scenes) Video(double durationSeconds, params (double Seconds, double Probability)[] boundaries)
    {
        var shots = ShotList.Regular(Fps, durationSeconds, 30);
        var probability = new double[shots.Count];
        foreach (var (seconds, p) in boundaries)
        {
            probability[(int)(seconds / 30)] = p;
        }

        // Threshold 0.1 keeps weak boundaries as scenes, so MinScore is what filters them.
        return (shots, SceneBuilder.Build(shots, probability, 0.1));
    }

    private static AdSlotPlan Plan(List<ShotEntry> shots, IReadOnlyList<SceneEntry> scenes, double durationSeconds, AdPolicyOptions options, IReadOnlyList<BlackSegmentEntry>? black = null, double fps = Fps) =>
        AdSlotPlanner.Plan(shots, scenes, black ?? [], fps, durationSeconds, options);

    [Fact]
    public void Plan_StrongBoundaries_SlotOnFirstFrameOfEachNewScene()
    {
        var (shots, scenes) = Video(600, (120, 0.9), (300, 0.8), (480, 0.7));

        var plan = Plan(shots, scenes, 600, Loose());

        Assert.Equal([3000, 7500, 12000], plan.Slots.Select(s => s.Frame));
        Assert.Equal([120.0, 300.0, 480.0], plan.Slots.Select(s => s.Seconds));
        Assert.All(plan.Slots, s => Assert.Equal([AdSlotReasons.SceneChange], s.Reasons));
        Assert.Equal([0.9, 0.8, 0.7], plan.Slots.Select(s => s.Score));
        Assert.Null(plan.Note);
        Assert.Equal(new AdPolicySection(60, 30, 0.5, 60, null), plan.Policy);
    }

    [Fact]
    public void Plan_BoundaryOnOrNextToDamagedFrames_GetsNoSlot()
    {
        var (shots, scenes) = Video(600, (120, 0.9), (300, 0.8), (480, 0.7));
        // Frame 7499 is damaged: the boundary at 7500 lies next to it.
        IReadOnlyList<DamagedFramesEntry> damaged = [new DamagedFramesEntry(7490, 7499, 299.6, 300, 3, ["h264: error while decoding MB 3 4"])];

        var plan = AdSlotPlanner.Plan(shots, scenes, [], Fps, 600, Loose(), damaged);

        Assert.Equal([3000, 12000], plan.Slots.Select(s => s.Frame));
    }

    [Fact]
    public void Plan_EveryBoundaryOnDamagedFrames_SaysSo()
    {
        var (shots, scenes) = Video(600, (300, 0.8));
        IReadOnlyList<DamagedFramesEntry> damaged = [new DamagedFramesEntry(7500, 7510, 300, 300.44, 1, ["h264: Reference 5 >= 4"])];

        var plan = AdSlotPlanner.Plan(shots, scenes, [], Fps, 600, Loose(), damaged);

        Assert.Empty(plan.Slots);
        Assert.Contains("on or next to damaged frames", plan.Note, StringComparison.Ordinal);
    }

    public static TheoryData<double, (double, double)[], string> NoSlotCases => new()
    {
        { 95, [(30, 0.9)], "video is 95 s long: shorter than twice the 120 s margin" },
        { 600, [], "no scene boundary: the whole video is one scene" },
        { 600, [(300, 0.42), (420, 0.3)], "no scene boundary scores ≥ 0.5 (best 0.42)" },
        { 600, [(60, 0.9), (540, 0.8)], "the 2 scene boundaries scoring ≥ 0.5 all lie within the 120 s margins at the start and end" },
        { 600, [(90, 0.9)], "the 1 scene boundary scoring ≥ 0.5 lies within the 120 s margins at the start and end" },
    };

    [Theory]
    [MemberData(nameof(NoSlotCases))]
    public void Plan_NoSlotFits_SaysWhy(double durationSeconds, (double, double)[] boundaries, string note)
    {
        var (shots, scenes) = Video(durationSeconds, boundaries);

        var plan = Plan(shots, scenes, durationSeconds, new AdPolicyOptions { MinScore = 0.5 });

        Assert.Empty(plan.Slots);
        Assert.Equal(note, plan.Note);
        Assert.Equal(note, plan.Policy.Note);
    }

    [Fact]
    public void Plan_NoShotsAtAll_NoSlotAndWhy()
    {
        var plan = AdSlotPlanner.Plan([], [], [], 0, 0, new AdPolicyOptions { MinScore = 0.5 });

        Assert.Empty(plan.Slots);
        Assert.Equal("video is 0 s long: shorter than twice the 120 s margin", plan.Note);
    }

    [Fact]
    public void Plan_MinGap_KeepsTheBetterOfTwoCloseBoundaries()
    {
        // 300 s and 390 s are 90 s apart; the 0.95 one wins, and 690 s is 300 s after it.
        var (shots, scenes) = Video(900, (300, 0.9), (390, 0.95), (690, 0.6));

        var plan = Plan(shots, scenes, 900, new AdPolicyOptions { MinScore = 0.5 });

        Assert.Equal([390.0, 690.0], plan.Slots.Select(s => s.Seconds));
        Assert.Equal("1 of the 3 scene boundaries scoring ≥ 0.5 left out: 1 closer than 300 s to a better slot", plan.Note);
    }

    [Fact]
    public void Plan_Margins_NoSlotCloserThanTheMarginToEitherEnd()
    {
        var (shots, scenes) = Video(900, (90, 0.99), (150, 0.6), (750, 0.6), (810, 0.99));

        var plan = Plan(shots, scenes, 900, new AdPolicyOptions { MinScore = 0.5, MinGapSeconds = 60 });

        Assert.Equal([150.0, 750.0], plan.Slots.Select(s => s.Seconds));
        Assert.Equal("2 of the 4 scene boundaries scoring ≥ 0.5 left out: 2 within the 120 s margins", plan.Note);
    }

    [Fact]
    public void Plan_MaxSlotsPerHour_ProratesShortVideos()
    {
        // Half an hour at 4 per hour allows 2 slots; the two best of five survive.
        var (shots, scenes) = Video(1800, (300, 0.6), (600, 0.9), (900, 0.7), (1200, 0.95), (1500, 0.65));

        var plan = Plan(shots, scenes, 1800, new AdPolicyOptions { MinScore = 0.5, MaxSlotsPerHour = 4 });

        Assert.Equal([600.0, 1200.0], plan.Slots.Select(s => s.Seconds));
        Assert.Equal("3 of the 5 scene boundaries scoring ≥ 0.5 left out: 3 over the limit of 4 per hour", plan.Note);
    }

    [Fact]
    public void Plan_MaxSlotsPerHour_NoHourHoldsMoreThanTheLimit()
    {
        // Two hours, strong boundaries every 10 min in the first hour, weaker ones in the second: greedy by score
        // would crowd the first hour; the one-hour window spreads the four slots over both.
        var boundaries = Enumerable.Range(1, 11).Select(i => (i * 600.0, i <= 5 ? 0.9 : 0.6)).ToArray();
        var (shots, scenes) = Video(7200, boundaries);

        var plan = Plan(shots, scenes, 7200, new AdPolicyOptions { MinScore = 0.5, MaxSlotsPerHour = 2 });

        var seconds = plan.Slots.Select(s => s.Seconds).ToList();
        Assert.Equal(4, seconds.Count);
        for (var i = 0; i + 2 < seconds.Count; i++)
        {
            Assert.True(seconds[i + 2] - seconds[i] >= 3600, $"three slots within an hour: {string.Join(", ", seconds)}");
        }
    }

    [Fact]
    public void Plan_FadeThroughBlackWithBlackRun_SlotMovesToFirstFrameAfterTheBlack()
    {
        // Shot 10 starts with a fade through black at frames 7500–7540 (300.0–301.6 s), black 7515–7524.
        var transitions = new Dictionary<int, TransitionEntry> { [10] = new(TransitionKinds.FadeThroughBlack, 7500, 7540, 300, 301.6, 0.9) };
        var shots = ShotList.FromStarts(Fps, 15000, Enumerable.Range(0, 20).Select(i => i * 750).ToList(), transitions);
        var probability = new double[20];
        probability[10] = 0.7;
        var scenes = SceneBuilder.Build(shots, probability, 0.5);
        BlackSegmentEntry[] black = [new(7515, 7524, 300.6, 301.0, 0.4)];

        var slot = Assert.Single(Plan(shots, scenes, 600, Loose(), black).Slots);

        Assert.Equal(7525, slot.Frame);
        Assert.Equal(301.0, slot.Seconds);
        Assert.Equal([AdSlotReasons.SceneChange, AdSlotReasons.FadeToBlack, AdSlotReasons.BlackSegment], slot.Reasons);
        // s = 1 − (1 − 0.7)(1 − 0.5)
        Assert.Equal(0.85, slot.Score, 9);
    }

    [Fact]
    public void Plan_BlackRunJustAfterACut_WithinPreference_SlotAfterTheBlack()
    {
        var (shots, scenes) = Video(600, (300, 0.8));
        BlackSegmentEntry[] black = [new(7500, 7537, 300.0, 301.52, 1.52)];

        var slot = Assert.Single(Plan(shots, scenes, 600, Loose(), black).Slots);

        Assert.Equal(7538, slot.Frame);
        Assert.Contains(AdSlotReasons.BlackSegment, slot.Reasons);
    }

    [Fact]
    public void Plan_BlackRunBeyondPreference_SlotStaysOnTheBoundary()
    {
        var (shots, scenes) = Video(600, (300, 0.8));
        BlackSegmentEntry[] black = [new(7575, 7599, 303.0, 304.0, 1.0)];

        var slot = Assert.Single(Plan(shots, scenes, 600, Loose(), black).Slots);

        Assert.Equal(7500, slot.Frame);
        Assert.Equal([AdSlotReasons.SceneChange], slot.Reasons);
    }

    [Fact]
    public void Plan_BlackRunEndingBeforeTheBoundary_SlotNeverMovesBackIntoTheOldScene()
    {
        var (shots, scenes) = Video(600, (300, 0.8));
        BlackSegmentEntry[] black = [new(7460, 7470, 298.4, 298.84, 0.44)];

        var slot = Assert.Single(Plan(shots, scenes, 600, Loose(), black).Slots);

        Assert.Equal(7500, slot.Frame);
    }

    [Fact]
    public void Plan_FadeInWithoutBlackRun_SlotOnTheFadeInAndFadeToBlackReason()
    {
        var transitions = new Dictionary<int, TransitionEntry> { [10] = new(TransitionKinds.FadeIn, 7500, 7520, 300, 300.8, 0.9) };
        var shots = ShotList.FromStarts(Fps, 15000, Enumerable.Range(0, 20).Select(i => i * 750).ToList(), transitions);
        var probability = new double[20];
        probability[10] = 0.9;

        var slot = Assert.Single(Plan(shots, SceneBuilder.Build(shots, probability, 0.5), 600, Loose()).Slots);

        Assert.Equal(7500, slot.Frame);
        Assert.Equal([AdSlotReasons.SceneChange, AdSlotReasons.FadeToBlack], slot.Reasons);
        Assert.Equal(0.95, slot.Score, 9);
    }

    [Fact]
    public void Plan_FadeNearWeakerBoundary_StillLosesToAMuchStrongerCut()
    {
        // 0.6 with a fade scores 0.8; 0.9 without one scores 0.9: the model's confidence comes first.
        var transitions = new Dictionary<int, TransitionEntry> { [10] = new(TransitionKinds.FadeIn, 7500, 7520, 300, 300.8, 0.9) };
        var shots = ShotList.FromStarts(Fps, 15000, Enumerable.Range(0, 20).Select(i => i * 750).ToList(), transitions);
        var probability = new double[20];
        probability[10] = 0.6;
        probability[11] = 0.9;

        var plan = Plan(shots, SceneBuilder.Build(shots, probability, 0.5), 600, new AdPolicyOptions { MinScore = 0.5, MinGapSeconds = 300, MarginSeconds = 30, QuietShotSeconds = 60 });

        Assert.Equal([330.0], plan.Slots.Select(s => s.Seconds));
    }

    [Fact]
    public void Plan_AfterLongQuietShot_ReasonAndBonus()
    {
        // Shot 9 (270–300 s) lasts 30 s ≥ 8 s.
        var (shots, scenes) = Video(600, (300, 0.7));
        var options = Loose();
        options.QuietShotSeconds = 8;

        var slot = Assert.Single(Plan(shots, scenes, 600, options).Slots);

        Assert.Equal([AdSlotReasons.SceneChange, AdSlotReasons.AfterQuietShot], slot.Reasons);
        // s = 1 − (1 − 0.7)(1 − 0.2)
        Assert.Equal(0.76, slot.Score, 9);
    }

    [Fact]
    public void Plan_ShortShotBefore_NoQuietReason()
    {
        var (shots, scenes) = Video(600, (300, 0.7));

        var slot = Assert.Single(Plan(shots, scenes, 600, new AdPolicyOptions { MinScore = 0.5, MinGapSeconds = 60, MarginSeconds = 30, QuietShotSeconds = 31 }).Slots);

        Assert.Equal([AdSlotReasons.SceneChange], slot.Reasons);
        Assert.Equal(0.7, slot.Score, 9);
    }

    [Theory]
    [InlineData(30000.0 / 1001, 1800, "00:01:00;02")]
    [InlineData(30000.0 / 1001, 17982, "00:10:00;00")]
    [InlineData(60000.0 / 1001, 3600, "00:01:00;04")]
    [InlineData(25.0, 1800, "00:01:12:00")]
    [InlineData(24000.0 / 1001, 1800, "00:01:15:00")]
    public void Plan_SlotTimecode_DropFrameAt2997And5994(double fps, int frame, string timecode)
    {
        var frameCount = frame + 5000;
        var shots = ShotList.FromStarts(fps, frameCount, [0, frame]);

        var slot = Assert.Single(Plan(shots, SceneBuilder.Build(shots, [0, 0.9], 0.5), frameCount / fps, new AdPolicyOptions { MinScore = 0.5, MarginSeconds = 10 }, fps: fps).Slots);

        Assert.Equal(frame, slot.Frame);
        Assert.Equal(timecode, slot.Timecode);
    }

    [Fact]
    public void Plan_FromDocument_UsesItsShotsScenesAndBlack()
    {
        var (shots, scenes) = Video(600, (300, 0.9));
        var document = ShotList.Document(Fps, shots) with { Scenes = scenes, BlackSegments = [new(7500, 7509, 300, 300.4, 0.4)] };

        var slot = Assert.Single(AdSlotPlanner.Plan(document, Loose()).Slots);

        Assert.Equal(7510, slot.Frame);
    }

    [Fact]
    public void Plan_InvalidPolicy_Throws()
    {
        var (shots, scenes) = Video(600, (300, 0.9));

        Assert.Throws<ValidationException>(() => Plan(shots, scenes, 600, new AdPolicyOptions { MinScore = -1 }));
    }

    // Shots every 30 s, plus one more cut 0.6 s after the boundary at 300 s (frame 7515).
    private static List<ShotEntry> ShotsWithSliverAfter300(IReadOnlyDictionary<int, TransitionEntry>? transitions = null) =>
        ShotList.FromStarts(Fps, 15000, Enumerable.Range(0, 20).Select(i => i * 750).Append(7515).Order().ToList(), transitions);

    [Fact]
    public void Plan_AnotherCutWithinSettledSeconds_NoSlotThereAndSaysWhy()
    {
        var shots = ShotsWithSliverAfter300();
        var probability = new double[shots.Count];
        // The boundary at 300 s: the model may have meant the cut 0.6 s later; the one at 420 s is settled.
        probability[10] = 0.95;
        probability[15] = 0.9;

        var plan = Plan(shots, SceneBuilder.Build(shots, probability, 0.5), 600, Loose());

        var slot = Assert.Single(plan.Slots);
        Assert.Equal(420.0, slot.Seconds);
        Assert.Equal("1 of the 2 scene boundaries scoring ≥ 0.5 left out: 1 next to another cut within 1.25 s", plan.Note);
    }

    [Fact]
    public void Plan_AnotherCutWithinSettledSeconds_ButFadePinsIt_SlotKept()
    {
        var transitions = new Dictionary<int, TransitionEntry> { [10] = new(TransitionKinds.FadeIn, 7500, 7510, 300, 300.4, 0.9) };
        var shots = ShotsWithSliverAfter300(transitions);
        var probability = new double[shots.Count];
        probability[10] = 0.95;

        var slot = Assert.Single(Plan(shots, SceneBuilder.Build(shots, probability, 0.5), 600, Loose()).Slots);

        Assert.Equal(7500, slot.Frame);
        Assert.Contains(AdSlotReasons.FadeToBlack, slot.Reasons);
    }

    [Fact]
    public void Plan_SettledSecondsZero_SliverDoesNotMatter()
    {
        var shots = ShotsWithSliverAfter300();
        var probability = new double[shots.Count];
        probability[10] = 0.95;
        var options = Loose();
        options.SettledSeconds = 0;

        var slot = Assert.Single(Plan(shots, SceneBuilder.Build(shots, probability, 0.5), 600, options).Slots);

        Assert.Equal(300.0, slot.Seconds);
    }
}
