namespace SceneCut.Recurrent.Serialization;

/// <summary>A model file is damaged, truncated, from another program or from an unsupported version.</summary>
public sealed class ModelFormatException(string message, Exception? inner = null) : Exception(message, inner);
