using System.Globalization;

namespace SceneCut.Results;

/// <summary>
/// A SMPTE 12M timecode <c>HH:MM:SS:FF</c> (non-drop) or <c>HH:MM:SS;FF</c> (drop-frame). Frame labels count at the
/// nominal (rounded) rate, so 23.976 fps counts 24 labels a second and 29.97 fps counts 30 with frame labels 0 and 1
/// skipped at every minute not divisible by ten (4 labels at 59.94), which keeps drop-frame timecode within
/// ~2 frames a day of the wall clock. Hours wrap at 24, as on tape.
/// </summary>
public readonly record struct Timecode
{
    private const int HoursPerDay = 24;
    private const int SecondsPerMinute = 60;
    private const int MinutesPerHour = 60;

    // Fractional NTSC rates (30000/1001, 60000/1001) differ from their nominal rate by 0.03–0.06; anything closer to
    // an integer is that integer (e.g. a container claiming 25.0001).
    private const double IntegerRateTolerance = 0.001;

    /// <summary>Creates a timecode; <see cref="Parse"/> and <see cref="FromFrame"/> are the usual ways in.</summary>
    public Timecode(int hours, int minutes, int seconds, int frames, bool dropFrame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hours, HoursPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minutes, MinutesPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(seconds, SecondsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        Hours = hours;
        Minutes = minutes;
        Seconds = seconds;
        Frames = frames;
        DropFrame = dropFrame;
    }

    /// <summary>Hours, 0–23.</summary>
    public int Hours { get; }

    /// <summary>Minutes, 0–59.</summary>
    public int Minutes { get; }

    /// <summary>Seconds, 0–59.</summary>
    public int Seconds { get; }

    /// <summary>Frame label within the second, 0 to nominal rate − 1.</summary>
    public int Frames { get; }

    /// <summary>True for drop-frame timecode (written with <c>;</c> before the frames).</summary>
    public bool DropFrame { get; }

    /// <summary>The whole number of frame labels per second for <paramref name="fps"/>: 24 for 23.976, 30 for 29.97.</summary>
    public static int NominalRate(double fps)
    {
        if (!double.IsFinite(fps) || fps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "A timecode needs a positive, finite frame rate.");
        }

        return Math.Max(1, (int)Math.Round(fps));
    }

    /// <summary>True for the NTSC rates drop-frame timecode exists for: 29.97 and 59.94 fps.</summary>
    public static bool IsDropFrameRate(double fps)
    {
        var nominal = NominalRate(fps);
        return nominal is 30 or 60 && Math.Abs(fps - nominal) > IntegerRateTolerance;
    }

    /// <summary>
    /// The timecode of 0-based <paramref name="frame"/> at <paramref name="fps"/>, counted from
    /// <paramref name="start"/> (default 00:00:00:00). Drop-frame is used when <paramref name="dropFrame"/> says so,
    /// else when the rate is 29.97 or 59.94.
    /// </summary>
    public static Timecode FromFrame(long frame, double fps, bool? dropFrame = null, Timecode? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        var nominal = NominalRate(fps);
        var drop = dropFrame ?? IsDropFrameRate(fps);
        if (drop && nominal is not (30 or 60))
        {
            throw new ArgumentException($"Drop-frame timecode exists only for 29.97 and 59.94 fps, not {fps.ToString(CultureInfo.InvariantCulture)}.", nameof(dropFrame));
        }

        var total = frame + (start?.ToFrame(fps, drop) ?? 0);
        var framesPerDay = FramesPerDay(nominal, drop);
        total %= framesPerDay;
        var labels = drop ? FrameToLabel(total, nominal) : total;
        var frames = (int)(labels % nominal);
        var totalSeconds = labels / nominal;
        return new Timecode(
            (int)(totalSeconds / (SecondsPerMinute * MinutesPerHour)),
            (int)(totalSeconds / SecondsPerMinute % MinutesPerHour),
            (int)(totalSeconds % SecondsPerMinute),
            frames,
            drop);
    }

    /// <summary>The 0-based frame number this timecode labels at <paramref name="fps"/>, as drop-frame or not per <paramref name="dropFrame"/> (default: this timecode's own flag).</summary>
    public long ToFrame(double fps, bool? dropFrame = null)
    {
        var nominal = NominalRate(fps);
        var drop = dropFrame ?? DropFrame;
        if (Frames >= nominal)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), $"Timecode {this} has a frame label beyond {nominal - 1} for {fps.ToString(CultureInfo.InvariantCulture)} fps.");
        }

        long totalMinutes = (Hours * MinutesPerHour) + Minutes;
        var labels = (((totalMinutes * SecondsPerMinute) + Seconds) * nominal) + Frames;
        if (!drop)
        {
            return labels;
        }

        // Labels 0..d−1 do not exist at the start of each minute except every tenth; take away those skipped before.
        var dropPerMinute = DroppedLabelsPerMinute(nominal);
        if (Seconds == 0 && Frames < dropPerMinute && Minutes % 10 != 0)
        {
            throw new FormatException($"Timecode {this} does not exist in drop-frame: labels 0–{dropPerMinute - 1} are skipped at minute {Minutes}.");
        }

        return labels - (dropPerMinute * (totalMinutes - (totalMinutes / 10)));
    }

    /// <summary>Parses <c>HH:MM:SS:FF</c> (non-drop) or <c>HH:MM:SS;FF</c> / <c>HH:MM:SS.FF</c> (drop-frame).</summary>
    public static Timecode Parse(string text) =>
        TryParse(text, out var timecode) ? timecode : throw new FormatException($"'{text}' is not a timecode like 01:00:00:00 or 01:00:00;00.");

    /// <summary>Parses like <see cref="Parse"/>; false when <paramref name="text"/> is not a timecode.</summary>
    public static bool TryParse(string? text, out Timecode timecode)
    {
        timecode = default;
        if (text is not { Length: 11 } || text[2] != ':' || text[5] != ':' || text[8] is not (':' or ';' or '.'))
        {
            return false;
        }

        if (!TwoDigits(text, 0, out var hours) || !TwoDigits(text, 3, out var minutes) || !TwoDigits(text, 6, out var seconds) || !TwoDigits(text, 9, out var frames)
            || hours >= HoursPerDay || minutes >= MinutesPerHour || seconds >= SecondsPerMinute)
        {
            return false;
        }

        timecode = new Timecode(hours, minutes, seconds, frames, dropFrame: text[8] != ':');
        return true;
    }

    /// <summary><c>HH:MM:SS:FF</c>, or <c>HH:MM:SS;FF</c> for drop-frame.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Hours:00}:{Minutes:00}:{Seconds:00}{(DropFrame ? ';' : ':')}{Frames:00}");

    private static bool TwoDigits(string text, int at, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
        {
            return false;
        }

        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }

    // 2 labels a minute at 30, 4 at 60.
    private static int DroppedLabelsPerMinute(int nominal) => nominal / 15;

    private static long FramesPerDay(int nominal, bool drop)
    {
        long labels = (long)nominal * SecondsPerMinute * MinutesPerHour * HoursPerDay;
        return drop ? labels - (DroppedLabelsPerMinute(nominal) * 9L * 6 * HoursPerDay) : labels;
    }

    // Frame count → label count: add back the labels skipped so far (d per minute, none in every tenth minute).
    private static long FrameToLabel(long frame, int nominal)
    {
        var drop = DroppedLabelsPerMinute(nominal);
        var framesPerMinute = (nominal * SecondsPerMinute) - drop;
        var framesPerTenMinutes = (nominal * SecondsPerMinute * 10) - (drop * 9);
        var tens = frame / framesPerTenMinutes;
        var rest = frame % framesPerTenMinutes;
        var skipped = drop * 9 * tens;
        if (rest > drop)
        {
            skipped += drop * ((rest - drop) / framesPerMinute);
        }

        return frame + skipped;
    }
}
