namespace SceneCut.Recurrent.Modes;

/// <summary>The five ways a recurrent net maps inputs to outputs (Karpathy's "unreasonable effectiveness" figure).</summary>
public enum SequenceMode
{
    /// <summary>One input vector → one output (a single step).</summary>
    OneToOne = 0,

    /// <summary>A sequence → one output from the last state or the mean of the outputs.</summary>
    ManyToOne = 1,

    /// <summary>A sequence → an output at every step (the scene model).</summary>
    ManyToMany = 2,

    /// <summary>One input → a generated sequence, each output fed back as the next input.</summary>
    OneToMany = 3,

    /// <summary>Encoder over the input sequence → decoder generating the output sequence; lengths independent.</summary>
    SequenceToSequence = 4,
}
