namespace SceneCut.Scale;

/// <summary>How a node names itself in Hangfire and in the claims table: machine and process, so two workers on one machine differ.</summary>
public static class ScaleNode
{
    /// <summary>machine:pid.</summary>
    public static string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
