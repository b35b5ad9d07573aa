using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenCvSharp;
using SceneCut.Embeddings;
using SceneCut.Pipeline;
using SceneCut.Shots;
using SceneCut.Video;

namespace SceneCut.Scenes.Training;

/// <summary>Builds (or reads from its cache) the <see cref="FootageIndex"/> of a source video.</summary>
public sealed class FootageIndexer(IFrameEmbedder embedder, PipelineOptions options, string cacheDirectory)
{
    // Frames embedded together.
    private const int Batch = 8;

    // Bumped when the index gains data, so older cache entries are rebuilt rather than read with it missing (2: shot frames).
    private const int CacheVersion = 2;

    /// <summary>The index of <paramref name="path"/>, from the cache when the file, CNN and settings are unchanged.</summary>
    public FootageIndex Index(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        // A stable hash: string.GetHashCode is randomised per process, so the cache never hit across runs.
        // The shots depend on the detector's settings: an index made with other settings is another index.
        var identity = $"{CacheVersion}-{file.Name}-{file.Length}-{file.LastWriteTimeUtc.Ticks}-{options.Scenes.SampleSeconds.ToString(CultureInfo.InvariantCulture)}-{embedder.ModelId}-{JsonSerializer.Serialize(options.Shots)}";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 8);
        var cached = Path.Combine(cacheDirectory, $"{Path.GetFileNameWithoutExtension(file.Name)}-{key}.footage.json");
        if (File.Exists(cached))
        {
            try
            {
                var index = JsonSerializer.Deserialize<FootageIndex>(File.ReadAllText(cached));
                if (index is not null && index.ModelId == embedder.ModelId && index.Samples.All(s => s.Embedding.Length == embedder.Dimension))
                {
                    return index;
                }
            }
            catch (JsonException)
            {
                // A damaged cache entry is rebuilt below, never trusted.
            }
        }

        var built = Build(path, cancellationToken);
        Directory.CreateDirectory(cacheDirectory);
        var temporary = cached + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(built));
        File.Move(temporary, cached, overwrite: true);
        return built;
    }

    private FootageIndex Build(string path, CancellationToken cancellationToken)
    {
        using var source = OpenCvFrameSource.Open(path);
        using var extractor = new FrameFeatureExtractor(options.Shots.AnalysisWidth, options.Shots.HistogramBins);
        var detector = new ShotDetector(options.Shots, source.Info.Fps);
        var fps = source.Info.Fps > 0 ? source.Info.Fps : ShotDetectionDefaults.FallbackFps;
        var every = Math.Max(1, (int)Math.Round(options.Scenes.SampleSeconds * fps));
        var samples = new List<FootageSample>();
        var pending = new List<(double Seconds, Mat Image)>();
        foreach (var frame in source.ReadFrames(cancellationToken))
        {
            detector.Process(extractor.Extract(frame.Index, frame.Seconds, frame.Image));
            if (frame.Index % every == 0)
            {
                var copy = ShotSampler.ShrunkCopy(frame.Image, options.Scenes.SampleShortSide);
                pending.Add((frame.Seconds, copy));
                if (pending.Count >= Batch)
                {
                    Flush(pending, samples);
                }
            }
        }

        Flush(pending, samples);
        var detection = detector.Finish();
        var shots = detection.Shots
            .Select(s => new FootageShot(s.StartSeconds, s.EndSeconds, s.TransitionIn?.Kind, ShotSummaries.IsBlack(s, detection.BlackSegments, options.Scenes.BlackShotShare), s.StartFrame))
            .ToList();
        var start = detection.Shots.Count > 0 ? detection.Shots[0].StartSeconds : 0;
        var end = detection.Shots.Count > 0 ? detection.Shots[^1].EndSeconds : 0;
        return new FootageIndex(Path.GetFileName(path), embedder.ModelId, end - start, shots, samples);
    }

    private void Flush(List<(double Seconds, Mat Image)> pending, List<FootageSample> samples)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var vectors = embedder.Embed(pending.Select(p => p.Image).ToList());
        for (var i = 0; i < pending.Count; i++)
        {
            samples.Add(new FootageSample(pending[i].Seconds, vectors[i]));
            pending[i].Image.Dispose();
        }

        pending.Clear();
    }
}
