namespace SceneCut.Testing;

/// <summary>A theory that needs <c>../shared/data</c>; skipped with a clear reason when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
