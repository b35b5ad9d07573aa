namespace SceneCut.Recurrent.Modes;

/// <summary>
/// One training example for any mode: input steps and target steps, each a feature vector.
/// one-to-one: 1 → 1; many-to-one: T → 1; many-to-many: T → T; one-to-many: 1 → T'; seq2seq: T → T'.
/// For <see cref="Heads.OutputKind.Classes"/> targets are one-hot vectors; for Binary they are 0/1.
/// </summary>
public sealed record SequenceExample(float[][] Inputs, float[][] Targets);
