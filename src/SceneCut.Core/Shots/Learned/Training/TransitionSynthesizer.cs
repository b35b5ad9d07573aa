using OpenCvSharp;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Splices episodes from real shots (segments between known boundaries) joined by synthetic cuts, dissolves, dips to
/// black or white and wipes, with hard negatives inside shots (flashes, an overlay fading in, relighting). Truth is
/// frame-exact by construction: a cut labels the new shot's first frame; a gradual transition every frame from its first
/// changed frame to the first frame wholly of the new shot. Seeded: the same inputs and seed give the same episodes.
/// </summary>
public sealed class TransitionSynthesizer(TransitionSynthesizerOptions options, int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One episode from <paramref name="segments"/> (shots of one or more videos; pictures of other sizes are resized to the first shot's).</summary>
    public LabelledSequence Episode(IReadOnlyList<ShotSegment> segments, string name, string source)
    {
        var first = Pick(segments);
        var episode = new Episode(first.Video.Width, first.Video.Height);
        var shots = _random.Next(options.MinShots, options.MaxShots + 1);
        episode.AppendShot(Take(first, episode.Width, episode.Height));
        var previous = first;
        for (var s = 1; s < shots; s++)
        {
            // A shot joined to itself is no transition (or an invisible one): always change shot.
            var next = Pick(segments);
            for (var tries = 0; next == previous && segments.Count > 1 && tries < 100; tries++)
            {
                next = Pick(segments);
            }

            Join(episode, Take(next, episode.Width, episode.Height));
            previous = next;
        }

        return episode.ToSequence(name, source);
    }

    /// <summary>Joins <paramref name="next"/> to the episode with a random transition and labels it.</summary>
    private void Join(Episode episode, List<byte[]> next)
    {
        var frames = episode.Frames;
        // Frames of the last shot that a blend may overlap: it must not reach back into the previous transition.
        var available = Math.Min(episode.LastShotFrames, next.Count) - 4;
        var kind = available >= 3 ? Kind() : SyntheticTransitionKind.Cut;
        switch (kind)
        {
            case SyntheticTransitionKind.Dissolve:
            case SyntheticTransitionKind.Wipe:
            {
                // The last L frames of the old shot and the first L of the new one overlap; frame i shows
                // (1 − α_i)·old + α_i·new with α_i = (i + 1)/(L + 1), so the frame after them is wholly new.
                var length = _random.Next(3, Math.Min(options.MaxBlendFrames, available) + 1);
                var start = frames.Count - length;
                var direction = _random.Next(4);
                for (var i = 0; i < length; i++)
                {
                    var alpha = (i + 1f) / (length + 1f);
                    frames[start + i] = kind == SyntheticTransitionKind.Dissolve
                        ? Blend(frames[start + i], next[i], alpha)
                        : Wipe(frames[start + i], next[i], alpha, episode.Width, episode.Height, direction);
                }

                episode.MarkGradualFrom(start);
                episode.AppendShot(next.GetRange(length, next.Count - length), gradualAtFirst: true);
                break;
            }

            case SyntheticTransitionKind.DipToBlack:
            case SyntheticTransitionKind.DipToWhite:
            {
                var level = kind == SyntheticTransitionKind.DipToBlack ? (byte)_random.Next(0, 12) : (byte)_random.Next(235, 256);
                var flat = new byte[episode.Width * episode.Height * 3];
                Array.Fill(flat, level);
                // A fade of 0 frames is a cut to (or from) the flat picture; then the hold has at least one frame.
                var fadeOut = _random.NextDouble() < 0.2 ? 0 : _random.Next(2, Math.Min(options.MaxFadeFrames, available) + 1);
                var fadeIn = _random.NextDouble() < 0.2 ? 0 : _random.Next(2, Math.Min(options.MaxFadeFrames, available) + 1);
                var hold = _random.Next(fadeOut == 0 || fadeIn == 0 ? 1 : 0, options.MaxHoldFrames + 1);
                var start = frames.Count - fadeOut;
                // Fade out: frame i is (1 − β_i)·old + β_i·flat with β_i = (i + 1)/fadeOut, the last one wholly flat.
                for (var i = 0; i < fadeOut; i++)
                {
                    frames[start + i] = Blend(frames[start + i], flat, (i + 1f) / fadeOut);
                }

                episode.MarkGradualFrom(start);
                var between = new List<byte[]>();
                for (var i = 0; i < hold; i++)
                {
                    between.Add(flat);
                }

                for (var i = 0; i < fadeIn; i++)
                {
                    between.Add(Blend(flat, next[i], (i + 1f) / (fadeIn + 1f)));
                }

                episode.AppendGradual(between);
                episode.AppendShot(next.GetRange(fadeIn, next.Count - fadeIn), gradualAtFirst: true);
                break;
            }

            default:
                episode.AppendShot(next, cutAtFirst: true);
                break;
        }
    }

    private SyntheticTransitionKind Kind()
    {
        var r = _random.NextDouble();
        return r switch
        {
            < 0.35 => SyntheticTransitionKind.Cut,
            < 0.62 => SyntheticTransitionKind.Dissolve,
            < 0.77 => SyntheticTransitionKind.DipToBlack,
            < 0.87 => SyntheticTransitionKind.DipToWhite,
            _ => SyntheticTransitionKind.Wipe,
        };
    }

    private ShotSegment Pick(IReadOnlyList<ShotSegment> segments)
    {
        // Longer shots are picked more often, as they make up more of a video.
        var total = segments.Sum(s => (long)s.Length);
        var x = _random.NextInt64(total);
        foreach (var s in segments)
        {
            if (x < s.Length)
            {
                return s;
            }

            x -= s.Length;
        }

        return segments[^1];
    }

    // A random run of the segment's frames at the episode's picture size, maybe with a hard negative in it.
    private List<byte[]> Take(ShotSegment segment, int width, int height)
    {
        var length = Math.Min(segment.Length, _random.Next(options.MinShotFrames, options.MaxShotFrames + 1));
        var start = segment.Start + _random.Next(segment.Length - length + 1);
        var video = segment.Video;
        var piece = new List<byte[]>(length);
        for (var f = start; f < start + length; f++)
        {
            piece.Add(video.Width == width && video.Height == height ? video.Frames[f] : Resize(video.Frames[f], video.Width, video.Height, width, height));
        }

        if (length >= 10 && _random.NextDouble() < options.NegativeChance)
        {
            AddNegative(piece, width, height);
        }

        return piece;
    }

    // Changes inside one shot that are not transitions: a flash, an overlay (title, logo) fading in, relighting.
    private void AddNegative(List<byte[]> piece, int width, int height)
    {
        var at = _random.Next(3, piece.Count - 5);
        switch (_random.Next(3))
        {
            case 0:
            {
                var white = new byte[width * height * 3];
                Array.Fill(white, (byte)255);
                var frames = _random.Next(1, 4);
                var strength = 0.5f + (0.5f * _random.NextSingle());
                for (var i = 0; i < frames && at + i < piece.Count; i++)
                {
                    piece[at + i] = Blend(piece[at + i], white, strength);
                }

                break;
            }

            case 1:
            {
                int w = _random.Next(width / 5, width / 2), h = _random.Next(Math.Max(1, height / 10), Math.Max(2, height / 4));
                int x0 = _random.Next(width - w), y0 = _random.Next(height - h);
                var colour = new[] { (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(200, 256) };
                var fade = _random.Next(1, 9);
                for (var f = at; f < piece.Count; f++)
                {
                    var alpha = Math.Min(1f, (f - at + 1f) / fade);
                    piece[f] = Overlay(piece[f], width, x0, y0, w, h, colour, alpha);
                }

                break;
            }

            default:
            {
                var gain = 0.5f + _random.NextSingle();
                var frames = _random.Next(3, 12);
                for (var f = at; f < piece.Count; f++)
                {
                    piece[f] = Scale(piece[f], 1f + ((gain - 1f) * Math.Min(1f, (f - at + 1f) / frames)));
                }

                break;
            }
        }
    }

    private static byte[] Blend(byte[] a, byte[] b, float alpha)
    {
        var result = new byte[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = (byte)((a[i] * (1f - alpha)) + (b[i] * alpha) + 0.5f);
        }

        return result;
    }

    private static byte[] Wipe(byte[] a, byte[] b, float alpha, int width, int height, int direction)
    {
        var result = new byte[a.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var position = direction switch
                {
                    0 => (x + 0.5f) / width,
                    1 => 1f - ((x + 0.5f) / width),
                    2 => (y + 0.5f) / height,
                    _ => 1f - ((y + 0.5f) / height),
                };
                var source = position < alpha ? b : a;
                var p = ((y * width) + x) * 3;
                result[p] = source[p];
                result[p + 1] = source[p + 1];
                result[p + 2] = source[p + 2];
            }
        }

        return result;
    }

    private static byte[] Overlay(byte[] a, int width, int x0, int y0, int w, int h, byte[] colour, float alpha)
    {
        var result = (byte[])a.Clone();
        for (var y = y0; y < y0 + h; y++)
        {
            for (var x = x0; x < x0 + w; x++)
            {
                var p = ((y * width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    result[p + c] = (byte)((a[p + c] * (1f - alpha)) + (colour[c] * alpha) + 0.5f);
                }
            }
        }

        return result;
    }

    private static byte[] Scale(byte[] a, float gain)
    {
        var result = new byte[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = (byte)Math.Clamp((a[i] * gain) + 0.5f, 0f, 255f);
        }

        return result;
    }

    private static byte[] Resize(byte[] bgr, int width, int height, int toWidth, int toHeight)
    {
        using var source = Mat.FromPixelData(height, width, MatType.CV_8UC3, bgr);
        using var resized = new Mat();
        Cv2.Resize(source, resized, new Size(toWidth, toHeight), interpolation: InterpolationFlags.Area);
        var result = new byte[toWidth * toHeight * 3];
        System.Runtime.InteropServices.Marshal.Copy(resized.Data, result, 0, result.Length);
        return result;
    }
}
