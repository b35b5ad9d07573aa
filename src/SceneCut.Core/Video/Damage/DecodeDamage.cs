namespace SceneCut.Video.Damage;

/// <summary>What the decoder said was damaged in one file: ranges of frames in order, none for a clean decode.</summary>
/// <param name="Ranges">Damaged frame ranges, in frame order, not overlapping.</param>
/// <param name="Errors">Error events over the whole file (the sum over <paramref name="Ranges"/>).</param>
/// <param name="CanTell">
/// False when the decoder cannot report damage at all (OpenCV hides FFmpeg's errors and concealment): then an empty
/// <paramref name="Ranges"/> means "unknown", not "clean".
/// </param>
public sealed record DecodeDamage(IReadOnlyList<DamagedRange> Ranges, int Errors, bool CanTell)
{
    /// <summary>A decode that reported no damage.</summary>
    public static DecodeDamage None { get; } = new([], 0, CanTell: true);

    /// <summary>A decoder that cannot tell damaged frames from clean ones.</summary>
    public static DecodeDamage Unknown { get; } = new([], 0, CanTell: false);

    /// <summary>Frames inside <see cref="Ranges"/>.</summary>
    public int DamagedFrames => Ranges.Sum(r => r.FrameCount);

    /// <summary>True when <paramref name="frame"/> lies within <paramref name="nearFrames"/> of a damaged range.</summary>
    public bool Touches(int firstFrame, int lastFrame, int nearFrames) =>
        Ranges.Any(r => r.StartFrame <= lastFrame + nearFrames && firstFrame - nearFrames <= r.EndFrame);

    /// <summary>The warning a reader sees for this damage among <paramref name="framesDecoded"/> frames; null when there is none.</summary>
    public string? Warning(int framesDecoded)
    {
        if (Ranges.Count == 0 || framesDecoded <= 0)
        {
            return null;
        }

        var first = Ranges[0];
        var share = 100.0 * DamagedFrames / framesDecoded;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{DamagedFrames} of {framesDecoded} frames ({share:0.#} %) decoded with errors, in {Ranges.Count} range(s) from frame {first.StartFrame}: " +
            $"shots and transitions there may be the damage itself; FFmpeg said: {string.Join("; ", first.Messages.Take(2))}");
    }
}
