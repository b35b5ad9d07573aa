namespace SceneCut.Testing;

/// <summary>A fact that needs <c>../shared/data</c>; skipped with a clear reason when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
