namespace SceneCut.Output.Tests.TestSupport;

/// <summary>A theory read by the Node.js parsers; skipped, with the reason, only when Node.js is absent outside CI.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        Skip = NodeParsers.SkipReason;
    }
}
