using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenCvSharp;
using SceneCut.Embeddings;

namespace SceneCut.Scenes.Training.Photos;

/// <summary>
/// Renders and embeds the shots of still photographs (or reads them from its cache). Frames go through the same CNN path
/// as detection: a 16:9 frame of the size the scene stage receives, shrunk by <see cref="ShotSampler.ShrunkCopy"/>, then
/// <see cref="IFrameEmbedder.Embed"/>.
/// </summary>
public sealed class PhotoIndexer
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"];

    // Photographs are shrunk to this shorter side on loading: the deepest zoom still leaves more pixels than a frame has.
    private const int WorkingShortSide = 1024;

    private readonly IFrameEmbedder _embedder;
    private readonly SceneOptions _scenes;
    private readonly PhotoRecipe _recipe;
    private readonly string _cacheDirectory;

    /// <exception cref="ValidationException">A recipe value is out of range.</exception>
    public PhotoIndexer(IFrameEmbedder embedder, SceneOptions scenes, PhotoRecipe recipe, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(recipe, new ValidationContext(recipe), errors, validateAllProperties: true);
        if (recipe.MinShotSeconds > recipe.MaxShotSeconds)
        {
            errors.Add(new ValidationResult($"MinShotSeconds ({recipe.MinShotSeconds}) exceeds MaxShotSeconds ({recipe.MaxShotSeconds})."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException("Invalid photo recipe: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }

        _embedder = embedder;
        _scenes = scenes;
        _recipe = recipe;
        _cacheDirectory = cacheDirectory;
    }

    /// <summary>The pictures in <paramref name="directory"/> and its folders, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> Find(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: photo folder not found (fetch photos with scripts/fetch-training-photos.sh)");
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every usable picture under <paramref name="directory"/>, split into training and validation places.</summary>
    public PhotoSplit IndexAll(string directory, CancellationToken cancellationToken)
    {
        var photos = Find(directory).Select(path => Index(path, cancellationToken)).OfType<PhotoViews>().ToList();
        return PhotoSplit.Of(photos, _recipe);
    }

    /// <summary>The shots of <paramref name="path"/>, or null when the file is no readable picture or too small.</summary>
    public PhotoViews? Index(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(path);
        var identity = string.Join('|', file.Name, file.Length, file.LastWriteTimeUtc.Ticks, _embedder.ModelId, _scenes.SampleShortSide, JsonSerializer.Serialize(_recipe));
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 8);
        var cached = Path.Combine(_cacheDirectory, $"{Path.GetFileNameWithoutExtension(file.Name)}-{key}.photo.json");
        if (File.Exists(cached))
        {
            try
            {
                var views = JsonSerializer.Deserialize<PhotoViews?>(File.ReadAllText(cached));
                if (views is null || (views.ModelId == _embedder.ModelId && views.Embeddings.All(e => e.Length == _embedder.Dimension)))
                {
                    return views;
                }
            }
            catch (JsonException)
            {
                // A damaged cache entry is rebuilt below, never trusted.
            }
        }

        var built = Build(path, file.Name);
        Directory.CreateDirectory(_cacheDirectory);
        var temporary = cached + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(built));
        File.Move(temporary, cached, overwrite: true);
        return built;
    }

    private PhotoViews? Build(string path, string name)
    {
        using var loaded = Cv2.ImRead(path, ImreadModes.Color);
        if (loaded.Empty() || Math.Min(loaded.Width, loaded.Height) < _recipe.MinSidePixels)
        {
            return null;
        }

        using var photo = ShotSampler.ShrunkCopy(loaded, WorkingShortSide);
        // The frame a 16:9 video gives the scene stage: its shorter side is the sample size.
        var frameSize = new Size((int)Math.Ceiling(_scenes.SampleShortSide * 16.0 / 9.0), _scenes.SampleShortSide);
        // One seed per photograph: its views do not depend on which other photographs are in the folder.
        var random = new Random(_recipe.Seed ^ BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0));
        var durations = new double[_recipe.ViewsPerPhoto];
        var frames = new List<Mat>(_recipe.ViewsPerPhoto);
        try
        {
            for (var v = 0; v < _recipe.ViewsPerPhoto; v++)
            {
                durations[v] = _recipe.MinShotSeconds + (random.NextDouble() * (_recipe.MaxShotSeconds - _recipe.MinShotSeconds));
                using var frame = PhotoViewRenderer.Render(photo, frameSize, _recipe, random, wholePicture: v == 0);
                frames.Add(ShotSampler.ShrunkCopy(frame, _scenes.SampleShortSide));
            }

            return new PhotoViews(name, _embedder.ModelId, durations, _embedder.Embed(frames));
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }
}
