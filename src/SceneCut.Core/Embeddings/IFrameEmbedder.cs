using OpenCvSharp;

namespace SceneCut.Embeddings;

/// <summary>
/// Turns frames into L2-normalised vectors that say what is in the picture, so the cosine similarity of two frames
/// is the dot product of their vectors. Create one with <see cref="FrameEmbedder.Create"/> and keep it: creating it
/// loads and checks the model.
/// </summary>
public interface IFrameEmbedder : IDisposable
{
    /// <summary>Length of every vector (512 for the shipped ResNet18).</summary>
    int Dimension { get; }

    /// <summary>
    /// Identity of the model and of everything that changes its vectors (file hash, preprocessing, output): a cache
    /// entry made under another id is stale.
    /// </summary>
    string ModelId { get; }

    /// <summary>
    /// One unit-length vector per frame, in order. Frames are 8-bit BGR (as the frame sources give them) of any size;
    /// they are only read. Deterministic: the same pixels give the same vector, batched or not.
    /// </summary>
    float[][] Embed(IReadOnlyList<Mat> bgrFrames);
}
