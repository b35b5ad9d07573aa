namespace SceneCut.Testing;

/// <summary>A fact read by the Node.js parsers on a real clip of <c>../shared/data</c>; skipped, with the reason, when either is absent (Node.js only outside CI).</summary>
public sealed class NodeSharedDataFactAttribute : FactAttribute
{
    public NodeSharedDataFactAttribute()
    {
        Skip = SceneCut.Output.Tests.TestSupport.NodeParsers.SkipReason ?? (SharedData.Folder is null ? SharedData.SkipReason : null);
    }
}
