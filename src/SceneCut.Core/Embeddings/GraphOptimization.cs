namespace SceneCut.Embeddings;

/// <summary>ONNX Runtime graph optimisation level (ours, so configuration files never name ONNX Runtime types).</summary>
public enum GraphOptimization
{
    /// <summary>No graph rewriting.</summary>
    None,

    /// <summary>Constant folding and redundant-node removal.</summary>
    Basic,

    /// <summary>Basic plus node fusions (e.g. Conv + BatchNormalization).</summary>
    Extended,

    /// <summary>Everything, including layout optimisations.</summary>
    All,
}
