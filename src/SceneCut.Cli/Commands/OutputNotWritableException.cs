namespace SceneCut.Cli.Commands;

/// <summary>The result could not be written where the user asked.</summary>
public sealed class OutputNotWritableException(string path, string cause, Exception? inner)
    : Exception($"{path}: cannot write the result ({cause})", inner);
