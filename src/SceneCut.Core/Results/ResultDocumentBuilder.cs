using SceneCut.Shots;
using SceneCut.Video;
using SceneCut.Video.Damage;

namespace SceneCut.Results;

/// <summary>Maps what the stages found onto the result document (a pure function).</summary>
public static class ResultDocumentBuilder
{
    // A transition this close to a damaged frame may be the damage itself: concealment smears over the next frame or two.
    private const int DamageNearFrames = 1;

    /// <summary>The document for one analysed video.</summary>
    public static ResultDocument Build(VideoInfo info, DecodeSummary decode, ShotDetectionResult detection, double firstFrameSeconds, ProcessingSection processing)
    {
        var timeline = detection.Timeline;
        var end = detection.FrameCount > 0 ? timeline.SecondsOf(detection.FrameCount) : 0;
        var shots = detection.Shots.Select(s => new ShotEntry(
                s.Index,
                s.StartFrame,
                s.EndFrame,
                s.StartSeconds,
                s.EndSeconds,
                s.TransitionIn is { } t
                    ? new TransitionEntry(TransitionKinds.NameOf(t.Kind), t.StartFrame, t.EndFrame, timeline.SecondsOf(t.StartFrame), timeline.SecondsOf(t.EndFrame), Math.Round(t.Score, 4))
                    {
                        Damaged = decode.Damage.Touches(t.StartFrame, t.EndFrame, DamageNearFrames),
                    }
                    : null)).ToList();
        return new ResultDocument
        {
            Video = new VideoSection(
                info.Path,
                info.Fps,
                detection.FrameCount,
                Math.Max(0, end - firstFrameSeconds),
                info.Width,
                info.Height,
                info.Codec,
                info.RotationDegrees,
                DecodeComplete: !decode.EndedEarly),
            Shots = shots,
            BlackSegments = detection.BlackSegments.Select(b =>
            {
                var startSeconds = timeline.SecondsOf(b.StartFrame);
                var endSeconds = timeline.SecondsOf(b.EndFrame + 1);
                return new BlackSegmentEntry(b.StartFrame, b.EndFrame, startSeconds, endSeconds, endSeconds - startSeconds);
            }).ToList(),
            Processing = processing with
            {
                // The timeline keeps only shot and transition edges: damaged frames take their times from the shots' clock.
                DamagedFrames = decode.Damage.Ranges.Select(r => new DamagedFramesEntry(
                    r.StartFrame,
                    r.EndFrame,
                    ShotClock.SecondsOf(shots, r.StartFrame, info.Fps),
                    ShotClock.SecondsOf(shots, r.EndFrame + 1, info.Fps),
                    r.Errors,
                    r.Messages)).ToList(),
                DecodeHealth = Health(decode.Damage, detection.FrameCount),
            },
        };
    }

    private static DecodeHealthSection Health(DecodeDamage damage, int frames)
    {
        var damaged = damage.DamagedFrames;
        return new DecodeHealthSection(damage.CanTell, damaged, frames > 0 ? Math.Round((double)damaged / frames, 4) : 0, damage.Ranges.Count, damage.Errors);
    }
}
