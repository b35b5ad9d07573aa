namespace SceneCut.Video.Libav;

/// <summary>A <see cref="LibavDamageReport"/> waiting in the frame loop for the frames its span covers.</summary>
internal sealed class LibavPendingReport(LibavDamageReport report)
{
    /// <summary>The report.</summary>
    public LibavDamageReport Report { get; } = report;

    /// <summary>True once the report has been counted on a frame (later frames of its span add no error).</summary>
    public bool Placed { get; set; }
}
