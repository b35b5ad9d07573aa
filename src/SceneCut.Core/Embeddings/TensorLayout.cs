namespace SceneCut.Embeddings;

/// <summary>How a CNN wants its input tensor laid out.</summary>
public enum TensorLayout
{
    /// <summary>Batch, channels, height, width (planar): ResNet from CNTK/PyTorch exports.</summary>
    Nchw,

    /// <summary>Batch, height, width, channels (interleaved): TensorFlow/Keras exports.</summary>
    Nhwc,
}
