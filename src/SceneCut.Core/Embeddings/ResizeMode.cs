namespace SceneCut.Embeddings;

/// <summary>How a frame of any aspect ratio is brought to the CNN's input size.</summary>
public enum ResizeMode
{
    /// <summary>Scale the whole frame to the input size, distorting the aspect ratio: nothing at the edges is lost.</summary>
    Stretch,

    /// <summary>Scale the short side to the input size and cut the centre: no distortion, the sides are lost.</summary>
    CenterCrop,
}
