namespace SceneCut.Embeddings;

/// <summary>Colour channel order a CNN was trained with.</summary>
public enum ChannelOrder
{
    /// <summary>Blue, green, red: Caffe/CNTK models, including the shipped ResNet18.</summary>
    Bgr,

    /// <summary>Red, green, blue: PyTorch/TensorFlow models, CLIP.</summary>
    Rgb,
}
