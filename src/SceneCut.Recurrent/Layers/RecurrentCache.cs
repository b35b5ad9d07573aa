namespace SceneCut.Recurrent.Layers;

/// <summary>Everything <see cref="RecurrentStack.Backward"/> needs from a forward pass. Opaque to callers.</summary>
public sealed class RecurrentCache
{
    internal RecurrentCache(int steps, int batch, int[] lengths, float[][] layerInputs, DirectionResult[][] directions,
        float[]?[] dropoutMasks)
    {
        Steps = steps;
        Batch = batch;
        Lengths = lengths;
        LayerInputs = layerInputs;
        Directions = directions;
        DropoutMasks = dropoutMasks;
    }

    public int Steps { get; }

    /// <summary>False after <see cref="RecurrentStack.Infer"/>, which keeps no per-step history.</summary>
    public bool CanBackward => Directions.All(layer => layer.All(d => d.Cache.KeepsHistory));

    public int Batch { get; }

    internal int[] Lengths { get; }

    /// <summary>Input of each layer, time-major. // layers × (T, B, I_l)</summary>
    internal float[][] LayerInputs { get; }

    /// <summary>[layer][direction] forward results.</summary>
    internal DirectionResult[][] Directions { get; }

    /// <summary>Inverted-dropout mask applied to each layer's output (null when none). // layers × (T, B, D·H)</summary>
    internal float[]?[] DropoutMasks { get; }
}
