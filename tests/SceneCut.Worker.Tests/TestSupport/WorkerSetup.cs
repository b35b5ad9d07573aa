using System.Globalization;

namespace SceneCut.Worker.Tests.TestSupport;

/// <summary>One worker's folders and the settings that make it react in a test's time scale.</summary>
internal sealed class WorkerSetup : IDisposable
{
    private readonly TempFolder _root = new();

    public WorkerSetup()
    {
        Input = _root.Sub("in");
        Output = _root.Sub("out");
        State = _root.Sub("state");
    }

    public string Input { get; }

    public string Output { get; }

    /// <summary>Ledger and health file live here, apart from the output folder the tests take away.</summary>
    public string State { get; }

    public string Ledger => Path.Combine(State, "ledger.db");

    public string HealthFile => Path.Combine(State, "health.json");

    public double DrainSeconds { get; set; } = 30;

    public int Parallelism { get; set; } = 2;

    /// <summary>How long a file's size and time must stay still before it is taken (Worker:StableSeconds).</summary>
    public double StableSeconds { get; set; } = 1;

    public string ResultFor(string name) => Path.Combine(Output, name + ".scenecut.json");

    public string ErrorFor(string name) => Path.Combine(Output, name + ".scenecut.error.json");

    public string[] Args()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            $"--Worker:Folders:0:Path={Input}",
            "--Worker:Folders:0:Include:0=**/*.mp4",
            "--Worker:Folders:0:Include:1=**/*.mkv",
            $"--Worker:OutputFolder={Output}",
            string.Create(c, $"--Worker:StableSeconds={StableSeconds}"),
            "--Worker:RescanSeconds=2",
            "--Worker:PollSeconds=0.2",
            $"--Worker:Parallelism={Parallelism}",
            string.Create(c, $"--Worker:ShutdownDrainSeconds={DrainSeconds}"),
            $"--Worker:HealthFile={HealthFile}",
            "--Worker:HealthIntervalSeconds=0.5",
            $"--Worker:Jobs:LedgerPath={Ledger}",
            "--Worker:Jobs:Resilience:Retry:MaxRetryAttempts=2",
            "--Worker:Jobs:Resilience:Retry:BaseDelaySeconds=0.1",
            "--Worker:Jobs:Resilience:Attempts:BaseDelaySeconds=0.1",
            "--Worker:Jobs:Resilience:CircuitBreaker:MinimumThroughput=2",
            "--Worker:Jobs:Resilience:CircuitBreaker:SamplingSeconds=5",
            "--Worker:Jobs:Resilience:CircuitBreaker:BreakSeconds=1",
            // These tests are about the job machinery, not scenes: shots only, so they need no trained scene model.
            "--SceneCut:Scenes:Enabled=false",
            $"--Logging:LogLevel:Default={Environment.GetEnvironmentVariable("SCENECUT_TEST_LOGLEVEL") ?? "Warning"}",
        ];
    }

    /// <summary>Every input video ends with exactly one record: a result or an error document, never both, never none.</summary>
    public void AssertOneRecordPer(params string[] names)
    {
        foreach (var name in names)
        {
            var result = File.Exists(ResultFor(name));
            var error = File.Exists(ErrorFor(name));
            Assert.True(result ^ error, $"{name}: result {result}, error document {error}");
        }
    }

    public void Dispose() => _root.Dispose();
}
