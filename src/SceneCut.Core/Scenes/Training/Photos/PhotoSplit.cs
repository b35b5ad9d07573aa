using System.Security.Cryptography;
using System.Text;

namespace SceneCut.Scenes.Training.Photos;

/// <summary>Training and validation photographs, kept apart: no validation place is also a training place.</summary>
/// <param name="Training">Photographs to train on.</param>
/// <param name="Validation">Photographs held out.</param>
public sealed record PhotoSplit(IReadOnlyList<PhotoViews> Training, IReadOnlyList<PhotoViews> Validation)
{
    /// <summary>
    /// Groups photographs of one place (whole-picture embeddings at least <see cref="PhotoRecipe.SamePlaceSimilarity"/>
    /// alike, transitively: the same wallpaper in several sizes, a stereo pair) and holds out whole groups, chosen by a
    /// hash of the group's first file name so the split does not move when other photographs are added.
    /// </summary>
    public static PhotoSplit Of(IReadOnlyList<PhotoViews> photos, PhotoRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(recipe);
        var group = Enumerable.Range(0, photos.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        for (var a = 0; a < photos.Count; a++)
        {
            for (var b = a + 1; b < photos.Count; b++)
            {
                if (System.Numerics.Tensors.TensorPrimitives.Dot(photos[a].Embeddings[0], photos[b].Embeddings[0]) >= recipe.SamePlaceSimilarity)
                {
                    group[Root(b)] = Root(a);
                }
            }
        }

        var training = new List<PhotoViews>();
        var validation = new List<PhotoViews>();
        foreach (var members in Enumerable.Range(0, photos.Count).GroupBy(Root))
        {
            var first = members.Select(i => photos[i].Source).Min(StringComparer.Ordinal)!;
            var held = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(first)), 0) / (double)uint.MaxValue < recipe.ValidationShare;
            (held ? validation : training).AddRange(members.Select(i => photos[i]));
        }

        return new PhotoSplit(training, validation);
    }
}
