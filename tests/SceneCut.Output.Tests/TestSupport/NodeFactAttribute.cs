namespace SceneCut.Output.Tests.TestSupport;

/// <summary>A fact read by the Node.js parsers; skipped, with the reason, only when Node.js is absent outside CI.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        Skip = NodeParsers.SkipReason;
    }
}
