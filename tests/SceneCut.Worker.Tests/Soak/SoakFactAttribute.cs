namespace SceneCut.Worker.Tests.Soak;

/// <summary>A test that runs only when <c>SCENECUT_SOAK=1</c>: it takes minutes, so the default CI run leaves it out.</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SCENECUT_SOAK") != "1")
        {
            Skip = "soak test: set SCENECUT_SOAK=1 to run it";
        }
    }
}
