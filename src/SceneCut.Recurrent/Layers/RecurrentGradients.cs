namespace SceneCut.Recurrent.Layers;

/// <summary>Result of <see cref="RecurrentStack.Backward"/>; parameter gradients were added in place.</summary>
/// <param name="Input">∂L/∂x. // (B, T, I)</param>
/// <param name="InitialState">∂L/∂(initial state), to chain truncated-BPTT chunks. // (L·D, B, H)</param>
public sealed record RecurrentGradients(float[] Input, RecurrentState InitialState);
