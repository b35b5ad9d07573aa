using System.Globalization;
using System.Net;
using System.Text;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Html;

/// <summary>
/// One self-contained HTML page per video: a zoomable timeline (shots, scenes, black segments, boundary scores,
/// ad slots), the numbers behind every slot with the frames either side of it, a thumbnail strip per scene and the
/// full shot list. It loads nothing from anywhere (thumbnails are inline JPEGs) and its Content-Security-Policy
/// lets only its own style and script run. Every string from the document or the file system is HTML-encoded.
/// </summary>
internal sealed class HtmlReportWriter : IResultWriter
{
    // Timeline geometry (SVG user units = CSS pixels): lanes top to bottom.
    private const int SvgHeight = 172;
    private const int ShotLaneY = 16;
    private const int ShotLaneHeight = 24;
    private const int SceneLaneY = 44;
    private const int SceneLaneHeight = 24;
    private const int BlackLaneY = 72;
    private const int BlackLaneHeight = 12;
    private const int ScoreLaneY = 88;
    private const int ScoreLaneHeight = 50;
    private const int SlotHeadY = 156;
    private const int SlotHeadHalfWidth = 6;

    // Aim for about this many time ticks at 1× zoom.
    private const int TargetTicks = 10;
    private static readonly int[] TickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
    private static readonly int[] ZoomLevels = [1, 4, 16, 64];

    public string Format => OutputFormats.Html;

    public string FileExtension => ".html";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var groups = ReportGroup.From(document);
        var plan = ThumbnailPlan.For(document, groups, options);
        IReadOnlyDictionary<int, byte[]> thumbnails = new Dictionary<int, byte[]>();
        if (context.Thumbnails is { } source && plan.Frames.Count > 0)
        {
            thumbnails = await source.GetJpegsAsync(plan.Frames, options.ThumbnailWidth, options.JpegQuality, cancellationToken).ConfigureAwait(false);
        }

        var page = new Page(document, options, thumbnails);
        var html = new StringBuilder(64 * 1024);
        page.Head(html);
        page.Summary(html, thumbnailsAvailable: context.Thumbnails is not null);
        page.Timeline(html);
        page.AdSlots(html);
        page.Scenes(html, groups, plan);
        page.BlackSegments(html);
        page.Shots(html);
        page.Processing(html);
        html.Append("<script>").Append(ReportAssets.Script).Append("</script>\n</body>\n</html>\n");

        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(html, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>HTML-encodes untrusted text for element content and double-quoted attributes.</summary>
    internal static string E(string text) => WebUtility.HtmlEncode(text);

    private sealed class Page(ResultDocument document, OutputOptions options, IReadOnlyDictionary<int, byte[]> thumbnails)
    {
        private readonly VideoSection _video = document.Video;
        private readonly double _origin = document.Shots.Count > 0 ? Math.Min(0, document.Shots[0].StartSeconds) : 0;
        private readonly double _span = Span(document);
        private readonly int _thumbHeight = document.Video is { Width: > 0, Height: > 0 } v
            ? Math.Max(1, (int)Math.Round(options.ThumbnailWidth * (double)v.Height / v.Width))
            : options.ThumbnailWidth * 9 / 16;

        public void Head(StringBuilder html)
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ReportAssets.ContentSecurityPolicy).Append("\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>SceneCut report: ").Append(E(VideoClock.FileName(_video))).Append("</title>\n")
                .Append("<style>").Append(ReportAssets.Style).Append("</style>\n</head>\n<body>\n");
        }

        public void Summary(StringBuilder html, bool thumbnailsAvailable)
        {
            html.Append("<header>\n<h1>").Append(E(VideoClock.FileName(_video))).Append("</h1>\n")
                .Append("<p class=\"facts\">").Append(E(_video.Path)).Append("</p>\n")
                .Append(Invariant($"<p class=\"facts\">{Clock(_video.DurationSeconds)} · {_video.Fps:0.###} fps · {_video.FrameCount} frames · {_video.Width}×{_video.Height} · ")).Append(E(_video.Codec)).Append("</p>\n")
                .Append(Invariant($"<p><strong>{document.Shots.Count}</strong> shots · <strong>{document.Scenes.Count}</strong> scenes · <strong>{document.BlackSegments.Count}</strong> black segments · <strong>{document.AdSlots.Count}</strong> ad slots</p>\n"));
            if (!_video.DecodeComplete)
            {
                html.Append("<p class=\"warning\">Decoding stopped early: the file is truncated or damaged, and results cover only what decoded.</p>\n");
            }

            if (!thumbnailsAvailable)
            {
                html.Append("<p class=\"muted\">No thumbnails: the video was not available when this report was written.</p>\n");
            }

            html.Append("</header>\n");
        }

        public void Timeline(StringBuilder html)
        {
            html.Append("<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"zoom\">Zoom: ");
            foreach (var zoom in ZoomLevels)
            {
                html.Append(Invariant($"<button type=\"button\" data-zoom=\"{zoom}\" aria-pressed=\"{(zoom == 1 ? "true" : "false")}\">{zoom}×</button> "));
            }

            html.Append("</p>\n<div class=\"timeline\">\n");
            LaneLabels(html);
            html.Append(Invariant($"<div class=\"track-scroll\"><div id=\"track\"><svg class=\"timeline-svg\" xmlns=\"http://www.w3.org/2000/svg\" height=\"{SvgHeight}\" role=\"img\" aria-label=\"Timeline\">\n"));
            Ticks(html);
            for (var i = 0; i < document.Shots.Count; i++)
            {
                var shot = document.Shots[i];
                var transition = shot.TransitionIn is { } t ? $"{t.Kind} {t.Score:0.##}" : "start";
                html.Append(Invariant($"<rect class=\"shot {(i % 2 == 0 ? "shot-a" : "shot-b")}\" x=\"{X(shot.StartSeconds)}%\" y=\"{ShotLaneY}\" width=\"{W(shot.StartSeconds, shot.EndSeconds)}%\" height=\"{ShotLaneHeight}\"><title>Shot {i + 1} · {TimecodeOf(shot.StartFrame)} · {shot.EndSeconds - shot.StartSeconds:0.00} s · in: "))
                    .Append(E(transition)).Append("</title></rect>\n");
            }

            for (var i = 0; i < document.Scenes.Count; i++)
            {
                var scene = document.Scenes[i];
                html.Append(Invariant($"<a class=\"scene-marker\" href=\"#scene-{i + 1}\"><rect class=\"{(i % 2 == 0 ? "scene-a" : "scene-b")}\" x=\"{X(scene.StartSeconds)}%\" y=\"{SceneLaneY}\" width=\"{W(scene.StartSeconds, scene.EndSeconds)}%\" height=\"{SceneLaneHeight}\"><title>Scene {i + 1} · {TimecodeOf(scene.StartFrame)} · shots {scene.FirstShot + 1}–{scene.LastShot + 1} · boundary {scene.BoundaryScore:0.00}</title></rect></a>\n"));
            }

            // Damaged frames over the shot lane: a cut there may be the damage itself.
            foreach (var damaged in document.Processing.DamagedFrames)
            {
                html.Append(Invariant($"<rect class=\"damaged\" x=\"{X(damaged.StartSeconds)}%\" y=\"{ShotLaneY}\" width=\"{W(damaged.StartSeconds, damaged.EndSeconds)}%\" height=\"{ShotLaneHeight}\"><title>Damaged frames {damaged.StartFrame}–{damaged.EndFrame} · {damaged.Errors} errors · "))
                    .Append(E(string.Join("; ", damaged.Messages))).Append("</title></rect>\n");
            }

            foreach (var black in document.BlackSegments)
            {
                html.Append(Invariant($"<rect class=\"black-seg\" x=\"{X(black.StartSeconds)}%\" y=\"{BlackLaneY}\" width=\"{W(black.StartSeconds, black.EndSeconds)}%\" height=\"{BlackLaneHeight}\"><title>Black {TimecodeOf(black.StartFrame)} · {black.DurationSeconds:0.00} s</title></rect>\n"));
            }

            Scores(html);
            for (var i = 0; i < document.AdSlots.Count; i++)
            {
                var slot = document.AdSlots[i];
                var x = X(slot.Seconds);
                html.Append(Invariant($"<a class=\"slot-marker\" href=\"#slot-{i + 1}\"><line class=\"slot-line\" x1=\"{x}%\" x2=\"{x}%\" y1=\"{ShotLaneY}\" y2=\"{SlotHeadY}\"/><svg x=\"{x}%\" y=\"{SlotHeadY}\" overflow=\"visible\"><polygon class=\"slot-head\" points=\"{-SlotHeadHalfWidth},{2 * SlotHeadHalfWidth} {SlotHeadHalfWidth},{2 * SlotHeadHalfWidth} 0,0\"/></svg><title>Ad slot {i + 1} · {TimecodeOf(slot.Frame)} · score {slot.Score:0.00} · "))
                    .Append(E(string.Join(", ", slot.Reasons))).Append("</title></a>\n");
            }

            html.Append("</svg></div></div>\n</div>\n")
                .Append("<p class=\"muted\">Stems: blue = probability that a scene starts there (scene model; the thin blue line is its value at every shot), grey = shot transition confidence. Red = ad slot.</p>\n</section>\n");
        }

        public void AdSlots(StringBuilder html)
        {
            html.Append("<section id=\"ad-slots\">\n<h2>Ad slots</h2>\n");
            if (document.AdSlots.Count == 0)
            {
                html.Append("<p class=\"muted\">No ad slots in this result.</p>\n</section>\n");
                return;
            }

            html.Append("<table>\n<thead><tr><th>#</th><th>Timecode</th><th>Seconds</th><th>Frame</th><th>Score</th><th>Reasons</th><th>Before | after</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < document.AdSlots.Count; i++)
            {
                var slot = document.AdSlots[i];
                var (before, after) = ThumbnailPlan.SlotFrames(slot);
                html.Append(Invariant($"<tr class=\"slot-row\" id=\"slot-{i + 1}\"><td class=\"num\">{i + 1}</td><td>{TimecodeOf(slot.Frame)}</td><td class=\"num\">{slot.Seconds:0.000}</td><td class=\"num\">{slot.Frame}</td><td class=\"num\">{slot.Score:0.000}</td><td>"))
                    .Append(E(string.Join(", ", slot.Reasons))).Append("</td><td><div class=\"pair\">");
                Image(html, before, Invariant($"Frame {before}, before ad slot {i + 1}"));
                Image(html, after, Invariant($"Frame {after}, after ad slot {i + 1}"));
                html.Append("</div></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        public void Scenes(StringBuilder html, IReadOnlyList<ReportGroup> groups, ThumbnailPlan plan)
        {
            html.Append("<section id=\"scenes\">\n<h2>Scenes</h2>\n");
            if (groups.Count == 0)
            {
                html.Append("<p class=\"muted\">No shots in this result.</p>\n");
            }

            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                html.Append("<section class=\"scene\" id=\"").Append(group.Id).Append("\">\n<h3>").Append(E(group.Title));
                if (group.Scene is { } scene)
                {
                    html.Append(Invariant($" · {TimecodeOf(scene.StartFrame)}–{TimecodeOf(scene.EndFrame + 1L)} · {scene.EndSeconds - scene.StartSeconds:0.0} s · shots {scene.FirstShot + 1}–{scene.LastShot + 1} · boundary {scene.BoundaryScore:0.00}"));
                }

                html.Append("</h3>\n<div class=\"strip\">");
                foreach (var shot in plan.ShotsPerGroup[g])
                {
                    var frame = ThumbnailPlan.MiddleFrame(shot);
                    html.Append("<figure>");
                    Image(html, frame, Invariant($"Shot {shot.Index + 1}, frame {frame}"));
                    html.Append(Invariant($"<figcaption>Shot {shot.Index + 1} · {TimecodeOf(shot.StartFrame)}</figcaption></figure>"));
                }

                html.Append("</div>\n</section>\n");
            }

            html.Append("</section>\n");
        }

        public void BlackSegments(StringBuilder html)
        {
            html.Append(Invariant($"<section id=\"black\">\n<details>\n<summary><strong>Black segments ({document.BlackSegments.Count})</strong></summary>\n"));
            html.Append("<table>\n<thead><tr><th>#</th><th>Start</th><th>End</th><th>Seconds</th><th>Duration</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < document.BlackSegments.Count; i++)
            {
                var b = document.BlackSegments[i];
                html.Append(Invariant($"<tr><td class=\"num\">{i + 1}</td><td>{TimecodeOf(b.StartFrame)}</td><td>{TimecodeOf(b.EndFrame + 1L)}</td><td class=\"num\">{b.StartSeconds:0.000}</td><td class=\"num\">{b.DurationSeconds:0.000}</td></tr>\n"));
            }

            html.Append("</tbody>\n</table>\n</details>\n</section>\n");
        }

        public void Shots(StringBuilder html)
        {
            html.Append(Invariant($"<section id=\"shots\">\n<details>\n<summary><strong>Shots ({document.Shots.Count})</strong></summary>\n"));
            html.Append("<table>\n<thead><tr><th>#</th><th>Start</th><th>Frames</th><th>Seconds</th><th>Duration</th><th>In</th><th>Score</th></tr></thead>\n<tbody>\n");
            foreach (var shot in document.Shots)
            {
                var t = shot.TransitionIn;
                html.Append(Invariant($"<tr id=\"shot-{shot.Index + 1}\"><td class=\"num\">{shot.Index + 1}</td><td>{TimecodeOf(shot.StartFrame)}</td><td class=\"num\">{shot.StartFrame}–{shot.EndFrame}</td><td class=\"num\">{shot.StartSeconds:0.000}</td><td class=\"num\">{shot.EndSeconds - shot.StartSeconds:0.000}</td><td>"))
                    .Append(E(t?.Kind ?? "")).Append(t is { Damaged: true } ? " <span class=\"warning\">(on damaged frames)</span>" : "")
                    .Append(Invariant($"</td><td class=\"num\">{(t is null ? "" : t.Score.ToString("0.000", CultureInfo.InvariantCulture))}</td></tr>\n"));
            }

            html.Append("</tbody>\n</table>\n</details>\n</section>\n");
        }

        public void Processing(StringBuilder html)
        {
            var p = document.Processing;
            html.Append("<footer>\n<h2>Processing</h2>\n<p class=\"facts\">").Append(E(p.Tool)).Append(" · decoder ").Append(E(p.Decoder))
                .Append(Invariant($" · {p.ElapsedSeconds:0.00} s · {p.FramesPerSecond:0} frames/s · schema v{document.SchemaVersion}</p>\n"));
            foreach (var warning in p.Warnings)
            {
                html.Append("<p class=\"warning\">").Append(E(warning)).Append("</p>\n");
            }

            DecodeHealth(html, p);

            html.Append("</footer>\n");
        }

        // Says plainly whether the decoder could see damage at all, then lists every damaged range with FFmpeg's words.
        private static void DecodeHealth(StringBuilder html, ProcessingSection p)
        {
            if (p.DecodeHealth is not { } health)
            {
                return;
            }

            if (!health.DamageDetectable)
            {
                html.Append("<p class=\"muted\">Decode health: unknown (this decoder cannot report damaged frames).</p>\n");
                return;
            }

            html.Append(Invariant($"<p class=\"facts\">Decode health: {health.DamagedFrameCount} damaged frames ({health.DamagedShare * 100:0.#} %) in {health.DamagedRanges} ranges, {health.Errors} errors</p>\n"));
            if (p.DamagedFrames.Count == 0)
            {
                return;
            }

            html.Append("<table>\n<thead><tr><th>Frames</th><th>Seconds</th><th>Errors</th><th>FFmpeg said</th></tr></thead>\n<tbody>\n");
            foreach (var d in p.DamagedFrames)
            {
                html.Append(Invariant($"<tr><td class=\"num\">{d.StartFrame}–{d.EndFrame}</td><td class=\"num\">{d.StartSeconds:0.000}–{d.EndSeconds:0.000}</td><td class=\"num\">{d.Errors}</td><td>"))
                    .Append(E(string.Join("; ", d.Messages))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        private static void LaneLabels(StringBuilder html)
        {
            html.Append(Invariant($"<svg class=\"lanes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"110\" height=\"{SvgHeight}\" aria-hidden=\"true\">"))
                .Append(Invariant($"<text class=\"tick-label\" x=\"0\" y=\"{ShotLaneY + 16}\">shots</text>"))
                .Append(Invariant($"<text class=\"tick-label\" x=\"0\" y=\"{SceneLaneY + 16}\">scenes</text>"))
                .Append(Invariant($"<text class=\"tick-label\" x=\"0\" y=\"{BlackLaneY + 10}\">black</text>"))
                .Append(Invariant($"<text class=\"tick-label\" x=\"0\" y=\"{ScoreLaneY + 28}\">boundary score</text>"))
                .Append(Invariant($"<text class=\"tick-label\" x=\"0\" y=\"{SlotHeadY + 12}\">ad slots</text>"))
                .Append("</svg>\n");
        }

        private void Ticks(StringBuilder html)
        {
            var step = TickSteps.FirstOrDefault(s => _span / s <= TargetTicks, TickSteps[^1]);
            for (var t = 0.0; t <= _span + 1e-9; t += step)
            {
                var x = X(_origin + t);
                html.Append(Invariant($"<line class=\"tick\" x1=\"{x}%\" x2=\"{x}%\" y1=\"12\" y2=\"{SvgHeight}\"/><text class=\"tick-label\" x=\"{x}%\" y=\"10\" dx=\"2\">{Clock(t)}</text>\n"));
            }
        }

        // Stems in their own lane, drawn in a 1000×100 box stretched over the track (vector-effect keeps lines thin).
        private void Scores(StringBuilder html)
        {
            html.Append(Invariant($"<svg x=\"0\" y=\"{ScoreLaneY}\" width=\"100%\" height=\"{ScoreLaneHeight}\" viewBox=\"0 0 1000 100\" preserveAspectRatio=\"none\">"))
                .Append("<line class=\"tick\" x1=\"0\" x2=\"1000\" y1=\"100\" y2=\"100\" vector-effect=\"non-scaling-stroke\"/>");
            foreach (var shot in document.Shots)
            {
                if (shot.TransitionIn is { } t)
                {
                    Stem(html, "stem-cut", shot.StartSeconds, t.Score);
                }
            }

            foreach (var scene in document.Scenes)
            {
                Stem(html, "stem-scene", scene.StartSeconds, scene.BoundaryScore);
            }

            ProbabilityCurve(html);
            html.Append("</svg>\n");
        }

        // The scene model's probability at every shot start, as a step curve: where the model hesitated shows at a glance.
        private void ProbabilityCurve(StringBuilder html)
        {
            var p = document.SceneBoundaryProbabilities;
            if (p.Count != document.Shots.Count || p.Count < 2)
            {
                return;
            }

            html.Append("<polyline class=\"probability-curve\" vector-effect=\"non-scaling-stroke\" points=\"");
            for (var i = 1; i < p.Count; i++)
            {
                var top = 100 * (1 - Math.Clamp(p[i], 0, 1));
                html.Append(Invariant($"{X(document.Shots[i].StartSeconds) * 10:0.###},{top:0.#} {X(document.Shots[i].EndSeconds) * 10:0.###},{top:0.#} "));
            }

            html.Append("\"/>");
        }

        private void Stem(StringBuilder html, string cssClass, double seconds, double score)
        {
            var x = X(seconds) * 10;
            var top = 100 * (1 - Math.Clamp(score, 0, 1));
            html.Append(Invariant($"<line class=\"{cssClass}\" x1=\"{x:0.###}\" x2=\"{x:0.###}\" y1=\"100\" y2=\"{top:0.#}\" vector-effect=\"non-scaling-stroke\"/>"));
        }

        private void Image(StringBuilder html, int frame, string alt)
        {
            if (!thumbnails.TryGetValue(frame, out var jpeg))
            {
                return;
            }

            html.Append(Invariant($"<img width=\"{options.ThumbnailWidth}\" height=\"{_thumbHeight}\" alt=\"")).Append(E(alt))
                .Append("\" src=\"data:image/jpeg;base64,").Append(Convert.ToBase64String(jpeg)).Append("\">");
        }

        private string TimecodeOf(long frame) => VideoClock.TimecodeOf(_video, frame).ToString();

        private double X(double seconds) => Math.Round(100 * Math.Clamp((seconds - _origin) / _span, 0, 1), 4);

        // At least a hair wide so one-frame shots still show at high zoom.
        private double W(double start, double end) => Math.Max(0.0005, Math.Round(100 * Math.Max(0, end - start) / _span, 4));

        private static double Span(ResultDocument document)
        {
            var end = Math.Max(document.Video.DurationSeconds, document.Shots.Count > 0 ? document.Shots[^1].EndSeconds : 0);
            return end > 0 && double.IsFinite(end) ? end : 1;
        }

        private static string Clock(double seconds)
        {
            var s = (long)Math.Round(Math.Max(0, seconds));
            return Invariant($"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}");
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
