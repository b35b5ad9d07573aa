using SceneCut.Results;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>
/// Hand-built result documents with scenes and ad slots (which the pipeline does not fill yet), at the frame rates
/// and sizes every writer must handle.
/// </summary>
public static class Samples
{
    /// <summary>Frame rates every writer is tried at: film, NTSC drop-frame, PAL, 50p, 59.94 drop-frame.</summary>
    public static TheoryData<double> FrameRates => new() { 24000.0 / 1001, 30000.0 / 1001, 25, 50, 60000.0 / 1001 };

    /// <summary>A video with no shots at all (nothing decoded).</summary>
    public static ResultDocument Empty(string path = "empty.mp4") => new()
    {
        Video = new VideoSection(path, 25, 0, 0, 640, 360, "h264", 0, DecodeComplete: false),
        Shots = [],
        BlackSegments = [],
        Processing = Processing(),
    };

    /// <summary>One shot of <paramref name="frames"/> frames.</summary>
    public static ResultDocument OneShot(double fps = 25, int frames = 100, string path = "one shot.mp4") => new()
    {
        Video = new VideoSection(path, fps, frames, frames / fps, 1280, 720, "h264", 0, DecodeComplete: true),
        Shots = [new ShotEntry(0, 0, frames - 1, 0, frames / fps, null)],
        BlackSegments = [],
        Scenes = [new SceneEntry(0, 0, 0, 0, frames - 1, 0, frames / fps, 1)],
        Processing = Processing(),
    };

    /// <summary>
    /// <paramref name="shotCount"/> shots of <paramref name="shotFrames"/> frames each, a scene every
    /// <paramref name="shotsPerScene"/> shots, a black segment and an ad slot at every second scene boundary, with
    /// every transition kind. Times are frame / fps unless <paramref name="variableFrameRate"/> jitters them.
    /// </summary>
    public static ResultDocument Rich(
        double fps = 30000.0 / 1001,
        int shotCount = 24,
        int shotFrames = 90,
        int shotsPerScene = 4,
        string path = "/media/Sample film – Ünïcödé name.mp4",
        bool variableFrameRate = false,
        IReadOnlyList<string>? reasons = null)
    {
        var frameCount = shotCount * shotFrames;
        double T(int frame) => variableFrameRate ? (frame / fps) + (0.004 * Math.Sin(frame)) + (frame > 0 ? 0.005 : 0) : frame / fps;
        string[] kinds = [TransitionKinds.Cut, TransitionKinds.Dissolve, TransitionKinds.FadeThroughBlack, TransitionKinds.Cut, TransitionKinds.FadeIn];
        var shots = new List<ShotEntry>();
        for (var i = 0; i < shotCount; i++)
        {
            var start = i * shotFrames;
            var end = start + shotFrames - 1;
            TransitionEntry? transition = null;
            if (i > 0)
            {
                var kind = kinds[i % kinds.Length];
                var length = kind == TransitionKinds.Cut ? 0 : 9;
                transition = new TransitionEntry(kind, start, start + length, T(start), T(start + length), Math.Round(0.5 + (0.02 * (i % 20)), 4));
            }

            shots.Add(new ShotEntry(i, start, end, T(start), T(end + 1), transition));
        }

        var scenes = new List<SceneEntry>();
        for (var first = 0; first < shotCount; first += shotsPerScene)
        {
            var last = Math.Min(shotCount - 1, first + shotsPerScene - 1);
            var score = scenes.Count == 0 ? 1 : Math.Round(0.6 + (0.03 * (scenes.Count % 10)), 4);
            scenes.Add(new SceneEntry(scenes.Count, first, last, shots[first].StartFrame, shots[last].EndFrame, shots[first].StartSeconds, shots[last].EndSeconds, score));
        }

        var blacks = new List<BlackSegmentEntry>();
        var slots = new List<AdSlotEntry>();
        for (var s = 2; s < scenes.Count; s += 2)
        {
            var frame = scenes[s].StartFrame;
            var blackStart = frame - 6;
            blacks.Add(new BlackSegmentEntry(blackStart, frame - 1, T(blackStart), T(frame), T(frame) - T(blackStart)));
            slots.Add(new AdSlotEntry(frame, T(frame), Timecode.FromFrame(frame, fps).ToString(), Math.Round(0.7 + (0.01 * (s % 30)), 4), reasons ?? ["scene-change", "fade-to-black"]));
        }

        return new ResultDocument
        {
            Video = new VideoSection(path, fps, frameCount, T(frameCount), 1920, 1080, "h264", 0, DecodeComplete: true),
            Shots = shots,
            BlackSegments = blacks,
            Scenes = scenes,
            AdSlots = slots,
            Processing = Processing(),
        };
    }

    /// <summary>A 2-hour film: ~2000 shots of ~3.6 s at 23.976 fps, a scene every 20 shots.</summary>
    public static ResultDocument TwoHourFilm() => Rich(24000.0 / 1001, shotCount: 2000, shotFrames: 86, shotsPerScene: 20, path: "feature.mkv");

    /// <summary>A processing section as the pipeline writes it.</summary>
    public static ProcessingSection Processing() => new(1.5, 480, "scenecut 0.1.0", "opencv", []);
}
