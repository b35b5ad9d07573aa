namespace SceneCut.Worker.Tests.Scale;

/// <summary>A test that needs the throwaway PostgreSQL of <c>.ci/postgres</c>; <c>.ci/run</c> always provides it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The variable <c>.ci/postgres start</c> exports.</summary>
    public const string Variable = "SCENECUT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: run `eval \"$(.ci/postgres start)\"` first (.ci/run does)";
        }
    }
}
