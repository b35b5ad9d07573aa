using System.Globalization;
using SceneCut.Evaluation;
using SceneCut.Results;

namespace SceneCut.Scenes.Training.Labels;

/// <summary>
/// Reads known scene or break points of a user's videos for fine-tuning (docs/training.md). Three formats, chosen by
/// extension; a video named in a file is found relative to that file's folder:
/// <list type="bullet">
/// <item><b>.json</b>: the truth format of <c>data/truth</c> (<c>video</c>, <c>fps</c>, <c>scene_starts</c> and
/// optionally <c>not_scene_boundaries</c>, in frames).</item>
/// <item><b>.csv</b>: rows <c>video,time[,kind]</c>; time in seconds (<c>12.48</c>) or a timecode
/// (<c>00:00:12:12</c>, <c>;</c> for drop-frame); kind <c>scene</c> (default) or <c>not-scene</c>; a first row
/// <c>video,time,...</c> is a header; <c>#</c> starts a comment line.</item>
/// <item><b>.edl</b> (CMX 3600): every event's record-in after the first is a scene start, counted from the first
/// event's record-in; the video is the file beside the EDL with the same name and a video extension.</item>
/// </list>
/// </summary>
public static class LabelFileReader
{
    /// <summary>Extensions of videos an EDL may sit beside.</summary>
    public static readonly IReadOnlyList<string> VideoExtensions = [".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".ts", ".mpg", ".mxf", ".flv"];

    private static readonly string[] LabelExtensions = [".json", ".csv", ".edl"];

    /// <summary>The labelled videos of a label file, or of every label file in a folder (not its sub-folders).</summary>
    /// <exception cref="InvalidDataException">A file is not in its format; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledVideo> Read(string fileOrFolder)
    {
        if (Directory.Exists(fileOrFolder))
        {
            return Directory.EnumerateFiles(fileOrFolder)
                .Where(f => LabelExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .SelectMany(ReadFile)
                .ToList();
        }

        if (!File.Exists(fileOrFolder))
        {
            throw new FileNotFoundException($"{fileOrFolder}: label file or folder not found", fileOrFolder);
        }

        return ReadFile(fileOrFolder);
    }

    private static IReadOnlyList<LabelledVideo> ReadFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => [ReadJson(path)],
        ".csv" => ReadCsv(path),
        ".edl" => [ReadEdl(path)],
        var other => throw new InvalidDataException($"{path}: labels are read from .json, .csv or .edl files, not {other}"),
    };

    private static LabelledVideo ReadJson(string path)
    {
        var truth = TruthFile.Load(path);
        if (truth.SceneStarts is null || truth.Fps <= 0)
        {
            throw new InvalidDataException($"{path}: a label file in the truth format needs fps > 0 and scene_starts");
        }

        return new LabelledVideo(
            Beside(path, truth.Video),
            truth.SceneStarts.Select(f => LabelTime.AtSeconds(f / truth.Fps)).ToList(),
            truth.NotSceneBoundaries.Select(f => LabelTime.AtSeconds(f / truth.Fps)).ToList(),
            path);
    }

    private static List<LabelledVideo> ReadCsv(string path)
    {
        var rows = new List<(string Video, LabelTime Time, bool IsSceneStart)>();
        var lines = File.ReadAllLines(path);
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (n == 0 && line.StartsWith("video,", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            if (fields.Length is < 2 or > 3 || fields[0].Length == 0)
            {
                throw new InvalidDataException($"{path}:{n + 1}: expected video,time[,kind], found '{line}'");
            }

            var kind = fields.Length == 3 ? fields[2].ToLowerInvariant() : "scene";
            if (kind is not ("scene" or "not-scene"))
            {
                throw new InvalidDataException($"{path}:{n + 1}: kind is 'scene' or 'not-scene', found '{fields[2]}'");
            }

            rows.Add((fields[0], Time(fields[1], path, n + 1), kind == "scene"));
        }

        return rows.GroupBy(r => r.Video, StringComparer.Ordinal)
            .Select(g => new LabelledVideo(
                Beside(path, g.Key),
                g.Where(r => r.IsSceneStart).Select(r => r.Time).ToList(),
                g.Where(r => !r.IsSceneStart).Select(r => r.Time).ToList(),
                path))
            .ToList();
    }

    private static LabelledVideo ReadEdl(string path)
    {
        var recordIns = new List<Timecode>();
        var dropFrame = false;
        var lines = File.ReadAllLines(path);
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.StartsWith("FCM:", StringComparison.OrdinalIgnoreCase))
            {
                dropFrame = !line.Contains("NON-DROP", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            // An event: number, reel, track, transition (C, D nnn, W nnn), source in/out, record in/out — the record-in
            // is the fourth timecode from the end.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8 || !fields[0].All(char.IsAsciiDigit))
            {
                continue;
            }

            if (!Timecode.TryParse(fields[^2], out var recordIn))
            {
                throw new InvalidDataException($"{path}:{n + 1}: an event without a record-in timecode: '{line}'");
            }

            recordIns.Add(new Timecode(recordIn.Hours, recordIn.Minutes, recordIn.Seconds, recordIn.Frames, dropFrame || recordIn.DropFrame));
        }

        if (recordIns.Count == 0)
        {
            throw new InvalidDataException($"{path}: no CMX 3600 events found");
        }

        var video = VideoExtensions.Select(e => Path.ChangeExtension(path, e)).FirstOrDefault(File.Exists)
            ?? throw new InvalidDataException($"{path}: no video with the same name beside it ({string.Join(", ", VideoExtensions)})");
        return new LabelledVideo(video, recordIns.Skip(1).Select(tc => LabelTime.AtTimecode(tc, recordIns[0])).ToList(), [], path);
    }

    private static LabelTime Time(string text, string path, int line)
    {
        if (Timecode.TryParse(text, out var timecode))
        {
            return LabelTime.AtTimecode(timecode);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 0)
        {
            return LabelTime.AtSeconds(seconds);
        }

        throw new InvalidDataException($"{path}:{line}: '{text}' is neither seconds ≥ 0 nor a timecode like 00:01:02:03");
    }

    private static string Beside(string labelFile, string video) =>
        Path.IsPathRooted(video) ? video : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(labelFile)) ?? ".", video));
}
