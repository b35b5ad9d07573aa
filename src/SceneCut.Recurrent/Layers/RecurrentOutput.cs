namespace SceneCut.Recurrent.Layers;

/// <summary>Result of <see cref="RecurrentStack.Forward"/>.</summary>
/// <param name="Output">Top layer's outputs, directions concatenated; zero on padded steps. // (B, T, D·H)</param>
/// <param name="FinalState">State after each row's last real step. // (L·D, B, H)</param>
/// <param name="Cache">What the backward pass needs.</param>
public sealed record RecurrentOutput(float[] Output, RecurrentState FinalState, RecurrentCache Cache);
