using System.ComponentModel.DataAnnotations;
using SceneCut.Results;

namespace SceneCut.Output;

/// <summary>
/// What to write and how. Bound from the <c>SceneCut:Output</c> section of <c>appsettings.json</c>; every default is
/// in <see cref="OutputDefaults"/>.
/// </summary>
public sealed class OutputOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SceneCut:Output";

    /// <summary>
    /// Formats to write, names from <see cref="OutputFormats"/>. Default empty, meaning <c>["json"]</c>
    /// (<see cref="EffectiveFormats"/>): the configuration binder appends to a pre-filled list instead of replacing it.
    /// </summary>
    public List<string> Formats { get; set; } = [];

    /// <summary><see cref="Formats"/> trimmed, lower-cased and without repeats, or <see cref="OutputDefaults.Formats"/> when empty.</summary>
    public IReadOnlyList<string> EffectiveFormats =>
        Formats.Select(f => f.Trim().ToLowerInvariant()).Where(f => f.Length > 0).Distinct().ToList() is { Count: > 0 } formats ? formats : OutputDefaults.Formats;

    /// <summary>EDL timecode of the first frame (source and record), <c>HH:MM:SS:FF</c> or drop-frame <c>HH:MM:SS;FF</c>. Default <c>00:00:00:00</c>.</summary>
    [Required]
    public string EdlStartTimecode { get; set; } = OutputDefaults.EdlStartTimecode;

    /// <summary>EDL frame rate; null (default) uses the video's.</summary>
    [Range(1.0, 1000.0)]
    public double? EdlFrameRate { get; set; }

    /// <summary>EDL drop-frame timecode; null (default) uses it for 29.97 and 59.94 fps only.</summary>
    public bool? EdlDropFrame { get; set; }

    /// <summary>VAST ad-tag URL template of VMAP ad breaks (placeholders in <see cref="OutputDefaults.VastTagTemplate"/>). Default an example.com URL.</summary>
    [Required]
    public string VastTagTemplate { get; set; } = OutputDefaults.VastTagTemplate;

    /// <summary>VMAP <c>AdTagURI templateType</c>. Default <c>vast3</c>.</summary>
    [Required]
    public string VastTemplateType { get; set; } = OutputDefaults.VastTemplateType;

    /// <summary>Planned ad-break length in seconds, carried by the SCTE-35, HLS and DASH markers. Default 30.</summary>
    [Range(0.001, 3600.0)]
    public double AdBreakSeconds { get; set; } = OutputDefaults.AdBreakSeconds;

    /// <summary>
    /// The VOD media playlist the <c>hls</c> format conditions (a local file); default none. Needed exactly when
    /// <c>hls</c> is among the formats: there is nothing to condition without it.
    /// </summary>
    public string? HlsPlaylist { get; set; }

    /// <summary>HTML report thumbnail width in pixels. Default 160.</summary>
    [Range(16, 1920)]
    public int ThumbnailWidth { get; set; } = OutputDefaults.ThumbnailWidth;

    /// <summary>Most thumbnails in one HTML report. Default 400.</summary>
    [Range(0, 100_000)]
    public int MaxThumbnails { get; set; } = OutputDefaults.MaxThumbnails;

    /// <summary>Most thumbnails in one scene's strip. Default 8.</summary>
    [Range(1, 1000)]
    public int ThumbnailsPerScene { get; set; } = OutputDefaults.ThumbnailsPerScene;

    /// <summary>JPEG quality of report thumbnails. Default 70.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = OutputDefaults.JpegQuality;

    /// <summary>Throws <see cref="ValidationException"/> listing every bad field.</summary>
    public void Validate()
    {
        // Attribute checks per property, then the cross-field checks: Validator.TryValidateObject would skip the
        // latter whenever an attribute fails, and the message must list every bad field at once.
        var results = new List<ValidationResult>();
        foreach (var property in typeof(OutputOptions).GetProperties().Where(p => p.CanWrite))
        {
            Validator.TryValidateProperty(property.GetValue(this), new ValidationContext(this) { MemberName = property.Name }, results);
        }

        results.AddRange(Validate(new ValidationContext(this)));
        if (results.Count > 0)
        {
            throw new ValidationException("Invalid SceneCut:Output options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }

    /// <summary>The checks attributes cannot express: known formats, a real timecode, an absolute http(s) template, a playlist for <c>hls</c>.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = EffectiveFormats.Where(f => !ResultWriterRegistry.Default.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Formats has unknown {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", ResultWriterRegistry.Default.Formats)}.",
                [nameof(Formats)]);
        }

        if (EdlStartTimecode is not null && !Timecode.TryParse(EdlStartTimecode, out _))
        {
            yield return new ValidationResult($"EdlStartTimecode '{EdlStartTimecode}' is not HH:MM:SS:FF or HH:MM:SS;FF.", [nameof(EdlStartTimecode)]);
        }

        if (EdlDropFrame == true && EdlFrameRate is { } rate && !Timecode.IsDropFrameRate(rate))
        {
            yield return new ValidationResult($"EdlDropFrame needs a 29.97 or 59.94 EdlFrameRate, not {rate}.", [nameof(EdlDropFrame)]);
        }

        if (VastTagTemplate is not null
            && !(Uri.TryCreate(VastTagTemplate.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                 && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"VastTagTemplate '{VastTagTemplate}' is not an absolute http(s) URL.", [nameof(VastTagTemplate)]);
        }

        if (EffectiveFormats.Contains(OutputFormats.Hls) && string.IsNullOrWhiteSpace(HlsPlaylist))
        {
            yield return new ValidationResult("Formats has 'hls' but HlsPlaylist (--hls) names no playlist to condition.", [nameof(HlsPlaylist)]);
        }
    }
}
