namespace SceneCut.Recurrent.Modes;

/// <summary>How many-to-one summarises a sequence.</summary>
public enum Pooling
{
    /// <summary>Final state of the top layer (each direction's, concatenated).</summary>
    LastState = 0,

    /// <summary>Mean of the top layer's outputs over the real steps.</summary>
    Mean = 1,
}
