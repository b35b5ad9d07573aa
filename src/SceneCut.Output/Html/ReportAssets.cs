using System.Security.Cryptography;
using System.Text;

namespace SceneCut.Output.Html;

/// <summary>
/// The report's only style sheet and script. Their SHA-256 hashes go into the page's Content-Security-Policy, so the
/// browser runs these and nothing else — a second line of defence behind escaping every untrusted string.
/// </summary>
internal static class ReportAssets
{
    public const string Style = """
        :root { --bg:#fff; --fg:#1b1f24; --muted:#5b6570; --line:#d0d7de; --shot-a:#9bb8d3; --shot-b:#c9d9e8; --scene-a:#7fb77e; --scene-b:#b5d8b4; --black:#222; --slot:#d1242f; --scene-stem:#1f6feb; --cut-stem:#8c959f; }
        * { box-sizing:border-box; }
        body { font:14px/1.45 system-ui, sans-serif; margin:0; padding:16px 24px; color:var(--fg); background:var(--bg); }
        h1 { font-size:20px; margin:0 0 4px; word-break:break-all; }
        h2 { font-size:16px; margin:24px 0 8px; }
        h3 { font-size:14px; margin:16px 0 6px; }
        .facts, .muted { color:var(--muted); }
        .warning { color:#9a6700; }
        .damaged { fill:#d1242f; fill-opacity:.45; }
        .timeline { display:flex; gap:8px; }
        .lanes { flex:0 0 110px; font-size:12px; color:var(--muted); }
        .track-scroll { flex:1 1 auto; overflow-x:auto; border:1px solid var(--line); }
        #track { width:100%; }
        #track svg.timeline-svg { display:block; width:100%; height:172px; }
        .shot-a { fill:var(--shot-a); } .shot-b { fill:var(--shot-b); }
        .scene-a { fill:var(--scene-a); } .scene-b { fill:var(--scene-b); }
        .black-seg { fill:var(--black); }
        .tick { stroke:var(--line); } .tick-label { font-size:10px; fill:var(--muted); }
        .stem-scene { stroke:var(--scene-stem); stroke-width:2; } .probability-curve { fill:none; stroke:var(--scene-stem); stroke-width:1; opacity:.6; } .stem-cut { stroke:var(--cut-stem); stroke-width:1; }
        .slot-line { stroke:var(--slot); stroke-width:2; } .slot-head { fill:var(--slot); }
        a.scene-marker:hover rect, a.slot-marker:hover polygon { opacity:.7; }
        .zoom button[aria-pressed="true"] { font-weight:bold; }
        table { border-collapse:collapse; font-size:13px; }
        th, td { border-bottom:1px solid var(--line); padding:3px 8px; text-align:left; vertical-align:top; }
        td.num { text-align:right; font-variant-numeric:tabular-nums; }
        tr:target, section:target { background:#fff8c5; }
        .strip { display:flex; gap:6px; overflow-x:auto; padding-bottom:4px; }
        figure { margin:0; font-size:11px; color:var(--muted); }
        figure img { display:block; border:1px solid var(--line); }
        .pair { display:flex; gap:4px; }
        """;

    public const string Script = """
        (function () {
          'use strict';
          var track = document.getElementById('track');
          var buttons = document.querySelectorAll('button[data-zoom]');
          function zoom(button) {
            track.style.width = (Number(button.getAttribute('data-zoom')) * 100) + '%';
            for (var i = 0; i < buttons.length; i++) {
              buttons[i].setAttribute('aria-pressed', String(buttons[i] === button));
            }
          }
          for (var i = 0; i < buttons.length; i++) {
            buttons[i].addEventListener('click', function (event) { zoom(event.currentTarget); });
          }
        })();
        """;

    /// <summary>CSP source expression for <paramref name="inline"/>: <c>'sha256-…'</c>.</summary>
    public static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    /// <summary>The page's policy: no network at all, images only inline, only our style and script.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src data:; style-src {Hash(Style)}; script-src {Hash(Script)}; base-uri 'none'; form-action 'none'";
}
