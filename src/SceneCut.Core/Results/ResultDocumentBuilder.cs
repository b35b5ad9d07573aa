using SceneCut.Shots;
using SceneCut.Video;

namespace SceneCut.Results;

/// <summary>Maps what the stages found onto the result document (a pure function).</summary>
public static class ResultDocumentBuilder
{
    /// <summary>The document for one analysed video.</summary>
    public static ResultDocument Build(VideoInfo info, DecodeSummary decode, ShotDetectionResult detection, double firstFrameSeconds, ProcessingSection processing)
    {
        var timeline = detection.Timeline;
        var end = detection.FrameCount > 0 ? timeline.SecondsOf(detection.FrameCount) : 0;
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
            Shots = detection.Shots.Select(s => new ShotEntry(
                s.Index,
                s.StartFrame,
                s.EndFrame,
                s.StartSeconds,
                s.EndSeconds,
                s.TransitionIn is { } t
                    ? new TransitionEntry(TransitionKinds.NameOf(t.Kind), t.StartFrame, t.EndFrame, timeline.SecondsOf(t.StartFrame), timeline.SecondsOf(t.EndFrame), Math.Round(t.Score, 4))
                    : null)).ToList(),
            BlackSegments = detection.BlackSegments.Select(b =>
            {
                var startSeconds = timeline.SecondsOf(b.StartFrame);
                var endSeconds = timeline.SecondsOf(b.EndFrame + 1);
                return new BlackSegmentEntry(b.StartFrame, b.EndFrame, startSeconds, endSeconds, endSeconds - startSeconds);
            }).ToList(),
            Processing = processing,
        };
    }
}
