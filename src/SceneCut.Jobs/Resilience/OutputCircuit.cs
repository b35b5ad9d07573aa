using Polly.CircuitBreaker;

namespace SceneCut.Jobs.Resilience;

/// <summary>
/// The state of the output folder's circuit breaker, shared by the pipeline and the runner: while it is open the
/// runner leaves files pending instead of analysing them for results it cannot write.
/// </summary>
public sealed class OutputCircuit
{
    /// <summary>Attached to the breaker strategy of <see cref="JobPipelineNames.Output"/>.</summary>
    public CircuitBreakerStateProvider State { get; } = new();

    /// <summary>True while writes are refused.</summary>
    public bool IsOpen => State.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
