using System.ComponentModel.DataAnnotations;

namespace SceneCut.Video;

/// <summary>
/// How videos are decoded. Bound from the <c>SceneCut:Decoding</c> section of <c>appsettings.json</c>; every default is
/// in <see cref="DecodingDefaults"/>. See <c>docs/decoding.md</c>.
/// </summary>
public sealed class DecodingOptions : IValidatableObject
{
    /// <summary><c>Auto</c>, <c>Ffmpeg</c> or <c>Opencv</c>. Default <c>Auto</c> (FFmpeg when present and working, else OpenCV).</summary>
    public DecoderKind Decoder { get; set; } = DecodingDefaults.Decoder;

    /// <summary>
    /// The <c>ffmpeg</c> executable, or the folder holding it; <c>ffprobe</c> is taken from the same folder. Default null:
    /// <c>ffmpeg</c> and <c>ffprobe</c> on <c>PATH</c>.
    /// </summary>
    public string? FfmpegPath { get; set; }

    /// <summary>
    /// Passed to FFmpeg as <c>-hwaccel</c> (e.g. <c>auto</c>, <c>vaapi</c>, <c>cuda</c>, <c>d3d11va</c>). Default null: software
    /// decoding. FFmpeg falls back to software by itself when the device is missing.
    /// </summary>
    public string? HardwareAcceleration { get; set; } = DecodingDefaults.HardwareAcceleration;

    /// <summary>
    /// Decode inside SceneCut through the FFmpeg libraries that come with the <c>ffmpeg</c> package (libavcodec 59, FFmpeg
    /// 5.1 as in Debian 12), instead of running the <c>ffmpeg</c> program: the same decoder, at the speed of
    /// <c>ffmpeg -f null</c> rather than 0.8–0.9 of it. Used only when the libraries are that version, no
    /// <see cref="FfmpegPath"/> names another FFmpeg and no <see cref="HardwareAcceleration"/> is asked for; otherwise the
    /// program decodes. Default true.
    /// </summary>
    public bool FfmpegLibraries { get; set; } = DecodingDefaults.FfmpegLibraries;

    /// <summary>FFmpeg decoder threads; 0 lets FFmpeg choose. Default 0.</summary>
    [Range(0, 64)]
    public int Threads { get; set; } = DecodingDefaults.Threads;

    /// <summary>
    /// Packets the decoder can hold in flight at once: one per frame thread (FFmpeg's automatic count is one per core
    /// plus one, at most 16) plus the one being handed over. An error FFmpeg logs is about one of that many.
    /// </summary>
    internal int FramesInFlight => (Threads > 0 ? Threads : Math.Min(Environment.ProcessorCount + 1, 16)) + 1;

    /// <summary>Seconds <c>ffmpeg -version</c> or <c>ffprobe</c> may take before FFmpeg counts as not working. Default 30.</summary>
    [Range(1.0, 600.0)]
    public double ProbeTimeoutSeconds { get; set; } = DecodingDefaults.ProbeTimeoutSeconds;

    /// <summary>Throws <see cref="ValidationException"/> listing every bad field.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(this);
        if (!Validator.TryValidateObject(this, context, results, validateAllProperties: true))
        {
            // The validator skips the object-level rules once a range check fails; the message must still list every bad field.
            results.AddRange(Validate(context));
            throw new ValidationException("Invalid SceneCut:Decoding options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Decoder))
        {
            yield return new ValidationResult($"Decoder must be Auto, Ffmpeg or Opencv (was {(int)Decoder}).", [nameof(Decoder)]);
        }

        // Each setting becomes one argv element, never a shell string, but a value that FFmpeg would read as another option is still a mistake.
        if (HardwareAcceleration is { Length: > 0 } hw && (hw.StartsWith('-') || hw.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"HardwareAcceleration must be one FFmpeg -hwaccel name such as 'auto' or 'vaapi' (was '{hw}').", [nameof(HardwareAcceleration)]);
        }
    }
}
