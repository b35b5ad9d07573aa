using System.Globalization;
using SceneCut.Results;

namespace SceneCut.AdSlots;

/// <summary>
/// Chooses ad slots among scene boundaries (a pure function of the document's shots, scenes and black runs).
/// <list type="number">
/// <item>Candidates are the starts of scenes 1.. whose boundary probability p ≥ <see cref="AdPolicyOptions.MinScore"/>.</item>
/// <item>A candidate's frame is the first frame of its scene, unless the programme goes to black there: a black run
/// starting within <see cref="AdPolicyOptions.FadePreferenceSeconds"/> of the boundary (and ending at or after it), or a
/// fade (fade-in, fade-out, fade-through-black) into the scene's first shot. Then the slot is the first frame after the
/// black — the frame the programme resumes on — and carries <c>fade-to-black</c> (plus <c>black-segment</c> for a
/// detected run). Slots only ever move forward from the boundary, never back into the old scene.</item>
/// <item>Score, a noisy-OR of the boundary and its cues: <c>s = 1 − (1 − p)(1 − 0.5·black)(1 − 0.2·quiet)</c>, where
/// black and quiet are 0 or 1 (<see cref="AdPolicyDefaults.FadeBonus"/>, <see cref="AdPolicyDefaults.QuietShotBonus"/>).
/// It stays in [0, 1], never lowers p, and a cue helps a doubtful boundary more than a certain one.</item>
/// <item>A slot that no fade or black run pins needs <see cref="AdPolicyOptions.SettledSeconds"/> without another cut on
/// both sides: the shot before the boundary and the shot the programme resumes on both last that long. Otherwise two cuts
/// lie so close that the boundary's place is uncertain (the model may have picked the wrong one of the two).</item>
/// <item>Greedy by score (earlier first on ties): a candidate is kept when it lies at least
/// <see cref="AdPolicyOptions.MarginSeconds"/> from both ends, at least <see cref="AdPolicyOptions.MinGapSeconds"/> from
/// every kept slot, no window of one hour then holds more than <see cref="AdPolicyOptions.MaxSlotsPerHour"/> slots,
/// and the total stays within max(1, ⌊MaxSlotsPerHour × hours⌋).</item>
/// </list>
/// A slot never lands on or next to a damaged frame (<see cref="ProcessingSection.DamagedFrames"/>): the picture there is
/// not what the programme shows.
/// When no slot or fewer than all qualifying boundaries fit, <see cref="AdSlotPlan.Note"/> says why.
/// </summary>
public static class AdSlotPlanner
{
    private const double SecondsPerHour = 3600;

    /// <summary>Plans the slots of an analysed document (its shots, scenes, black runs, frame rate and duration).</summary>
    public static AdSlotPlan Plan(ResultDocument document, AdPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Plan(document.Shots, document.Scenes, document.BlackSegments, document.Video.Fps, document.Video.DurationSeconds, options, document.Processing.DamagedFrames);
    }

    /// <summary>Plans the slots of a video from its shots, scenes and black runs.</summary>
    /// <param name="shots">Shots in order.</param>
    /// <param name="scenes">Scenes in order (from <see cref="Scenes.SceneBuilder"/>); scene k ≥ 1 starts at a boundary.</param>
    /// <param name="black">Runs of black frames.</param>
    /// <param name="fps">Nominal frame rate, for timecodes (drop-frame at 29.97 and 59.94).</param>
    /// <param name="durationSeconds">Length of the video from its first frame.</param>
    /// <param name="options">The policy; validated here.</param>
    /// <param name="damaged">Frame ranges the decoder reported damaged; none when null.</param>
    public static AdSlotPlan Plan(
        IReadOnlyList<ShotEntry> shots,
        IReadOnlyList<SceneEntry> scenes,
        IReadOnlyList<BlackSegmentEntry> black,
        double fps,
        double durationSeconds,
        AdPolicyOptions options,
        IReadOnlyList<DamagedFramesEntry>? damaged = null)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(black);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var boundaries = scenes.Skip(1).ToList();
        var qualifying = boundaries.Where(s => s.BoundaryScore >= options.MinScore).ToList();
        if (durationSeconds < 2 * options.MarginSeconds)
        {
            return Empty(options, $"video is {Number(durationSeconds)} s long: shorter than twice the {Number(options.MarginSeconds)} s margin");
        }

        if (boundaries.Count == 0)
        {
            return Empty(options, "no scene boundary: the whole video is one scene");
        }

        if (qualifying.Count == 0)
        {
            return Empty(options, $"no scene boundary scores ≥ {Number(options.MinScore)} (best {Number(boundaries.Max(s => s.BoundaryScore))})");
        }

        if (!double.IsFinite(fps) || fps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "Ad slots need a positive frame rate for their timecodes.");
        }

        var start = shots.Count > 0 ? shots[0].StartSeconds : 0;
        var end = start + durationSeconds;
        var candidates = qualifying.Select(s => Candidate(s, shots, black, fps, options))
            .Where(c => damaged is null || !damaged.Any(d => c.Frame >= d.StartFrame - 1 && c.Frame <= d.EndFrame + 1)).ToList();
        if (candidates.Count == 0)
        {
            return Empty(options, $"{Boundaries(qualifying.Count, options)} left out: on or next to damaged frames");
        }
        var inside = candidates.Where(c => c.Seconds - start >= options.MarginSeconds && end - c.Seconds >= options.MarginSeconds).ToList();
        var inMargins = candidates.Count - inside.Count;
        if (inside.Count == 0)
        {
            var verb = qualifying.Count == 1 ? "lies" : "all lie";
            return Empty(options, $"{Boundaries(qualifying.Count, options)} {verb} within the {Number(options.MarginSeconds)} s margins at the start and end");
        }

        var settled = inside.Where(c => c.PinnedByBlack || IsSettled(c, shots, options.SettledSeconds)).ToList();
        var unsettled = inside.Count - settled.Count;
        if (settled.Count == 0)
        {
            return Empty(options, $"{Boundaries(qualifying.Count, options)} left out: {inMargins} within the margins, {unsettled} next to another cut within {Number(options.SettledSeconds)} s");
        }

        var budget = Math.Max(1, (int)Math.Floor(options.MaxSlotsPerHour * durationSeconds / SecondsPerHour));
        var kept = new List<AdSlotCandidate>();
        int tooClose = 0, overLimit = 0;
        foreach (var candidate in settled.OrderByDescending(c => c.Score).ThenBy(c => c.Seconds))
        {
            if (kept.Any(k => Math.Abs(k.Seconds - candidate.Seconds) < options.MinGapSeconds))
            {
                tooClose++;
            }
            else if (kept.Count >= budget || CrowdsAnHour(kept, candidate, options.MaxSlotsPerHour))
            {
                overLimit++;
            }
            else
            {
                kept.Add(candidate);
            }
        }

        var slots = kept.OrderBy(c => c.Frame)
            .Select(c => new AdSlotEntry(c.Frame, c.Seconds, Timecode.FromFrame(c.Frame, fps).ToString(), c.Score, c.Reasons))
            .ToList();
        var note = inMargins + unsettled + tooClose + overLimit == 0 ? null : LeftOut(qualifying.Count, inMargins, unsettled, tooClose, overLimit, options);
        return new AdSlotPlan(slots, Section(options, note));
    }

    private static AdSlotCandidate Candidate(SceneEntry scene, IReadOnlyList<ShotEntry> shots, IReadOnlyList<BlackSegmentEntry> black, double fps, AdPolicyOptions options)
    {
        var reasons = new List<string> { AdSlotReasons.SceneChange };
        var frame = scene.StartFrame;
        var seconds = scene.StartSeconds;
        var transition = scene.FirstShot < shots.Count ? shots[scene.FirstShot].TransitionIn : null;
        var lastFrame = shots.Count > 0 ? shots[^1].EndFrame : int.MaxValue;

        // The boundary spans its transition: a fade-through-black starts the new shot at the fade-out's first frame.
        var spanStartFrame = Math.Min(scene.StartFrame, transition?.StartFrame ?? scene.StartFrame);
        var spanEndSeconds = Math.Max(scene.StartSeconds, transition?.EndSeconds ?? scene.StartSeconds);
        var run = black
            .Where(b => b.EndFrame + 1 >= spanStartFrame && b.EndFrame + 1 <= lastFrame && b.StartSeconds - spanEndSeconds <= options.FadePreferenceSeconds)
            .OrderBy(b => Math.Max(0, b.StartSeconds - spanEndSeconds))
            .FirstOrDefault();
        var fades = transition is { Kind: TransitionKinds.FadeIn or TransitionKinds.FadeOut or TransitionKinds.FadeThroughBlack };
        var toBlack = run is not null || fades;
        if (run is not null)
        {
            // BlackSegmentEntry.EndSeconds is the time of the first frame after the run.
            frame = run.EndFrame + 1;
            seconds = run.EndSeconds;
            reasons.Add(AdSlotReasons.FadeToBlack);
            reasons.Add(AdSlotReasons.BlackSegment);
        }
        else if (transition is not null && fades)
        {
            // No black run was detected: a fade-in resumes at its first frame; after a fade-out the picture is back
            // once the transition is over.
            frame = transition.Kind == TransitionKinds.FadeIn ? transition.StartFrame : Math.Min(transition.EndFrame + 1, lastFrame);
            seconds = ShotClock.SecondsOf(shots, frame, fps);
            reasons.Add(AdSlotReasons.FadeToBlack);
        }

        var quiet = scene.FirstShot >= 1 && scene.FirstShot - 1 < shots.Count
            && shots[scene.FirstShot - 1].EndSeconds - shots[scene.FirstShot - 1].StartSeconds >= options.QuietShotSeconds;
        if (quiet)
        {
            reasons.Add(AdSlotReasons.AfterQuietShot);
        }

        // s = 1 − (1 − p)(1 − FadeBonus·black)(1 − QuietShotBonus·quiet)
        var doubt = (1 - scene.BoundaryScore)
            * (1 - (toBlack ? AdPolicyDefaults.FadeBonus : 0))
            * (1 - (quiet ? AdPolicyDefaults.QuietShotBonus : 0));
        return new AdSlotCandidate(frame, seconds, scene.BoundaryScore, Math.Round(1 - doubt, 4), reasons, toBlack);
    }

    // The shot the programme resumes on and the shot before it each last at least `seconds` (measured from the slot).
    private static bool IsSettled(AdSlotCandidate candidate, IReadOnlyList<ShotEntry> shots, double seconds)
    {
        var resumes = -1;
        for (var i = 0; i < shots.Count && shots[i].StartSeconds <= candidate.Seconds; i++)
        {
            resumes = i;
        }

        if (resumes < 0)
        {
            return false;
        }

        var after = shots[resumes].EndSeconds - candidate.Seconds;
        var before = resumes == 0 ? double.PositiveInfinity : candidate.Seconds - shots[resumes - 1].StartSeconds;
        // A slot inside a shot (not at its start) already has the shot's own start before it.
        if (candidate.Seconds > shots[resumes].StartSeconds)
        {
            before = candidate.Seconds - shots[resumes].StartSeconds;
        }

        return after >= seconds && before >= seconds;
    }

    // True when adding the candidate puts more than the limit into some one-hour window [t, t + 1 h).
    private static bool CrowdsAnHour(List<AdSlotCandidate> kept, AdSlotCandidate candidate, int maxPerHour)
    {
        var times = kept.Select(k => k.Seconds).Append(candidate.Seconds).Order().ToList();
        for (var i = 0; i + maxPerHour < times.Count; i++)
        {
            if (times[i + maxPerHour] - times[i] < SecondsPerHour)
            {
                return true;
            }
        }

        return false;
    }

    private static string LeftOut(int qualifying, int inMargins, int unsettled, int tooClose, int overLimit, AdPolicyOptions options)
    {
        var parts = new List<string>();
        if (inMargins > 0)
        {
            parts.Add($"{inMargins} within the {Number(options.MarginSeconds)} s margins");
        }

        if (unsettled > 0)
        {
            parts.Add($"{unsettled} next to another cut within {Number(options.SettledSeconds)} s");
        }

        if (tooClose > 0)
        {
            parts.Add($"{tooClose} closer than {Number(options.MinGapSeconds)} s to a better slot");
        }

        if (overLimit > 0)
        {
            parts.Add($"{overLimit} over the limit of {options.MaxSlotsPerHour} per hour");
        }

        return $"{inMargins + unsettled + tooClose + overLimit} of {Boundaries(qualifying, options)} left out: {string.Join(", ", parts)}";
    }

    private static string Boundaries(int count, AdPolicyOptions options) =>
        count == 1 ? $"the 1 scene boundary scoring ≥ {Number(options.MinScore)}" : $"the {count} scene boundaries scoring ≥ {Number(options.MinScore)}";

    private static AdSlotPlan Empty(AdPolicyOptions options, string note) => new([], Section(options, note));

    private static AdPolicySection Section(AdPolicyOptions options, string? note) =>
        new(options.MinGapSeconds, options.MarginSeconds, options.MinScore, options.MaxSlotsPerHour, note);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
