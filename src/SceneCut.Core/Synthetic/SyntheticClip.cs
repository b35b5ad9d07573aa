using OpenCvSharp;
using SceneCut.Evaluation;
using SceneCut.Shots;

namespace SceneCut.Synthetic;

/// <summary>
/// Writes a clip of procedural shots joined by known transitions, and returns its frame-accurate truth in the
/// <see cref="TruthFile"/> format: cuts at the new shot's first frame; a gradual transition from its first blended
/// frame to the first frame that is wholly the new picture (or wholly black).
/// </summary>
public static class SyntheticClip
{
    /// <summary>Codec used for generated clips: MPEG-4 part 2, which OpenCV's bundled FFmpeg can always encode.</summary>
    public const string FourCc = "mp4v";

    // Pictures are rendered this much wider than the frame so a panning view has room to move.
    private const double PanMargin = 1.5;

    /// <summary>Renders <paramref name="shots"/> joined by <paramref name="transitions"/> (one fewer) into <paramref name="path"/>.</summary>
    public static TruthFile Write(string path, IReadOnlyList<SyntheticShot> shots, IReadOnlyList<SyntheticTransition> transitions, Size size, double fps)
    {
        if (shots.Count == 0 || transitions.Count != shots.Count - 1)
        {
            throw new ArgumentException("A clip needs at least one shot and exactly one transition between each pair of shots.", nameof(transitions));
        }

        using var writer = new VideoWriter(path, FourCC.FromString(FourCc), fps, size);
        if (!writer.IsOpened())
        {
            throw new IOException($"{path}: OpenCV cannot write a {FourCc} video here");
        }

        var pictures = shots.Select(s => s.PictureSeed).Distinct().ToDictionary(
            seed => seed,
            seed => ProceduralPicture.Render(seed, new Size((int)(size.Width * PanMargin), size.Height)));
        try
        {
            return Compose(writer, shots, (shot, i) => ShotFrame(shots[shot], pictures[shots[shot].PictureSeed], size, i), transitions, size, path, fps);
        }
        finally
        {
            foreach (var picture in pictures.Values)
            {
                picture.Dispose();
            }
        }
    }

    // Frames are rendered one at a time and released once written, so clips of any length take little memory.
    private static TruthFile Compose(
        VideoWriter writer,
        IReadOnlyList<SyntheticShot> shots,
        Func<int, int, Mat> frameOf,
        IReadOnlyList<SyntheticTransition> transitions,
        Size size,
        string path,
        double fps)
    {
        var cuts = new List<int>();
        var gradual = new List<int[]>();
        var index = 0;
        using var black = new Mat(size, MatType.CV_8UC3, Scalar.Black);
        using var blend = new Mat();

        void Emit(Mat frame)
        {
            writer.Write(frame);
            index++;
        }

        for (var s = 0; s < shots.Count; s++)
        {
            var transition = s > 0 ? transitions[s - 1] : null;
            var skip = 0;
            switch (transition?.Kind)
            {
                case TransitionKind.Cut:
                    cuts.Add(index);
                    break;
                case TransitionKind.Dissolve:
                {
                    using var previous = frameOf(s - 1, shots[s - 1].Frames - 1);
                    var first = index;
                    for (var i = 1; i <= transition.Frames; i++)
                    {
                        var alpha = (double)i / (transition.Frames + 1);
                        using var next = frameOf(s, Math.Min(i - 1, shots[s].Frames - 1));
                        Cv2.AddWeighted(previous, 1 - alpha, next, alpha, 0, blend);
                        Emit(blend);
                    }

                    // The blended frames stand in for the new shot's first frames.
                    skip = transition.Frames;
                    gradual.Add([first, index]);
                    break;
                }

                case TransitionKind.FadeThroughBlack:
                {
                    using var previous = frameOf(s - 1, shots[s - 1].Frames - 1);
                    var first = index;
                    for (var i = 1; i <= transition.Frames; i++)
                    {
                        Cv2.AddWeighted(previous, 1 - ((double)i / (transition.Frames + 1)), black, 0, 0, blend);
                        Emit(blend);
                    }

                    gradual.Add([first, index]);
                    for (var i = 0; i < transition.BlackFrames; i++)
                    {
                        Emit(black);
                    }

                    var fadeIn = index;
                    for (var i = 1; i <= transition.Frames; i++)
                    {
                        using var next = frameOf(s, Math.Min(i - 1, shots[s].Frames - 1));
                        Cv2.AddWeighted(next, (double)i / (transition.Frames + 1), black, 0, 0, blend);
                        Emit(blend);
                    }

                    skip = transition.Frames;
                    gradual.Add([fadeIn, index]);
                    break;
                }

                case null:
                    break;
                default:
                    throw new ArgumentException($"Generated clips support cuts, dissolves and fades through black, not {transition.Kind}.", nameof(transitions));
            }

            for (var i = skip; i < shots[s].Frames; i++)
            {
                using var frame = frameOf(s, i);
                Emit(frame);
            }
        }

        return new TruthFile
        {
            Video = Path.GetFileName(path),
            Fps = fps,
            FrameCount = index,
            Cuts = cuts,
            Gradual = gradual,
        };
    }

    private static Mat ShotFrame(SyntheticShot shot, Mat picture, Size size, int i)
    {
        if (shot.FlashFrames?.Contains(i) == true)
        {
            return new Mat(size, MatType.CV_8UC3, Scalar.White);
        }

        var travel = picture.Width - size.Width;
        var x = (int)Math.Round(Math.Min(travel, Math.Abs(shot.PanPixelsPerFrame) * i));
        using var view = new Mat(picture, new Rect(x, 0, size.Width, size.Height));
        return view.Clone();
    }
}
