namespace SceneCut.Recurrent.Layers;

/// <summary>
/// The weights of one gate of one direction, in the (out, in) orientation of PyTorch and ONNX:
/// a_gate = W_x x + b_x + W_h h + b_h.
/// </summary>
/// <param name="Gate">Gate name: h (RNN); i f g o (LSTM); z r n (GRU).</param>
/// <param name="InputWeights">W_x. // (H, I)</param>
/// <param name="HiddenWeights">W_h. // (H, H)</param>
/// <param name="InputBias">b_x. // (H)</param>
/// <param name="HiddenBias">b_h. // (H)</param>
public sealed record GateWeights(string Gate, float[] InputWeights, float[] HiddenWeights, float[] InputBias, float[] HiddenBias);
