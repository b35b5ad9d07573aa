using OpenCvSharp;
using SceneCut.Embeddings;
using SceneCut.Scenes;
using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Photos;

namespace SceneCut.Tests.Scenes.Training.Photos;

/// <summary>Photo footage from real pictures (frames of the shared clips saved as images, as a photo package holds them).</summary>
public sealed class PhotoIndexerTests
{
    // A frame of a shared clip, written as a picture of the given width.
    private static void SavePicture(string clip, int frameIndex, string path, int width)
    {
        using var capture = new VideoCapture(SharedData.Clip(clip));
        capture.Set(VideoCaptureProperties.PosFrames, frameIndex);
        using var frame = new Mat();
        Assert.True(capture.Read(frame) && !frame.Empty(), $"{clip}: frame {frameIndex} not read");
        using var sized = frame.Resize(new Size(width, (int)Math.Round(frame.Height * (double)width / frame.Width)), interpolation: InterpolationFlags.Area);
        Cv2.ImWrite(path, sized);
    }

    [SharedDataFact]
    public void IndexAll_RealPictures_ViewsEmbeddedCachedAndPlacesKeptOnOneSide()
    {
        using var folder = new TempFolder();
        var pictures = folder.Sub("pictures");
        SavePicture("chaplin.mp4", 60, Path.Combine(pictures, "street.png"), 640);
        SavePicture("chaplin.mp4", 60, Path.Combine(pictures, "street-small.jpg"), 560);
        SavePicture("wildlife.mp4", 200, Path.Combine(pictures, "animals.png"), 640);
        SavePicture("tree.avi", 10, Path.Combine(pictures, "icon.png"), 120);
        var options = new SceneOptions();
        using var embedder = FrameEmbedder.Create(new SceneCut.Pipeline.PipelineOptions().Embeddings);
        var recipe = new PhotoRecipe { ViewsPerPhoto = 4, ValidationShare = 0.5 };
        var indexer = new PhotoIndexer(embedder, options, recipe, folder.Sub("cache"));

        var split = indexer.IndexAll(pictures, CancellationToken.None);

        var all = split.Training.Concat(split.Validation).ToList();
        // The 120-px picture is below the minimum side: an icon, not a place.
        Assert.Equal(["animals.png", "street-small.jpg", "street.png"], all.Select(p => p.Source).Order(StringComparer.Ordinal));
        Assert.All(all, p =>
        {
            Assert.Equal(4, p.Embeddings.Length);
            Assert.All(p.Embeddings, e => Assert.Equal(1.0, System.Numerics.Tensors.TensorPrimitives.Norm(e), 3));
            Assert.All(p.Durations, d => Assert.InRange(d, recipe.MinShotSeconds, recipe.MaxShotSeconds));
        });
        // One place in two sizes stays on one side of the split.
        Assert.True(split.Training.Count(p => p.Source.StartsWith("street", StringComparison.Ordinal)) is 0 or 2);
        // Crops, zooms and exposure of one picture resemble each other more than another picture.
        var street = all.Single(p => p.Source == "street.png");
        var animals = all.Single(p => p.Source == "animals.png");
        var within = street.Embeddings.Skip(1).Average(e => System.Numerics.Tensors.TensorPrimitives.Dot(e, street.Embeddings[0]));
        var across = animals.Embeddings.Average(e => System.Numerics.Tensors.TensorPrimitives.Dot(e, street.Embeddings[0]));
        Assert.True(within > across + 0.1, $"within {within:0.000}, across {across:0.000}");
        // The cache gives the same views back.
        var again = indexer.Index(Path.Combine(pictures, "street.png"), CancellationToken.None)!;
        Assert.Equal(street.Durations, again.Durations);
        Assert.Equal(street.Embeddings[2], again.Embeddings[2]);
    }

    [Fact]
    public void ToFootage_ShotsBackToBackAndEverySampleCarriesItsShotsEmbedding()
    {
        var views = new PhotoViews("p.jpg", "model", [1.5, 2.0, 1.0], [[1f, 0f], [0f, 1f], [0.6f, 0.8f]]);

        var footage = views.ToFootage();

        Assert.Equal(4.5, footage.DurationSeconds, 9);
        Assert.Equal([0.0, 1.5, 3.5], footage.Shots.Select(s => s.StartSeconds));
        Assert.Null(footage.Shots[0].TransitionIn);
        Assert.Equal(views.Embeddings[1], footage.EmbeddingAt(3.4));
        Assert.Equal(views.Embeddings[2], footage.EmbeddingAt(3.6));
    }

    [Fact]
    public void Episodes_FromPhotoFootage_SceneChangeExactlyWherePictureChanges()
    {
        var photos = Enumerable.Range(0, 3)
            .Select(p => new PhotoViews($"{p}.jpg", "model", [2.0, 3.0, 2.5, 4.0], Enumerable.Range(0, 4).Select(v => new[] { p == 0 ? 1f : 0f, p == 1 ? 1f : 0f, p == 2 ? 1f : 0f, v }).ToArray()).ToFootage())
            .ToList();

        var episodes = new SceneModelTrainer(new SceneTrainingOptions()).Episodes(photos, 20, seed: 3);

        foreach (var episode in episodes)
        {
            for (var i = 1; i < episode.Shots.Count; i++)
            {
                var pictureChanged = !episode.Shots[i].Embedding.AsSpan(0, 3).SequenceEqual(episode.Shots[i - 1].Embedding.AsSpan(0, 3));
                Assert.Equal(pictureChanged ? 1f : 0f, episode.Labels[i]);
            }
        }

        Assert.Contains(episodes, e => e.Labels.Count(l => l == 0f) > 1);
    }

    [Fact]
    public void Ctor_BadRecipe_ListsEveryProblem()
    {
        var recipe = new PhotoRecipe { MinShotSeconds = 6, MaxShotSeconds = 2, MaxZoom = 0.5 };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new PhotoIndexer(null!, new SceneOptions(), recipe, "unused"));

        Assert.Contains("MaxZoom", error.Message);
        Assert.Contains("MinShotSeconds (6) exceeds MaxShotSeconds (2)", error.Message);
    }
}
