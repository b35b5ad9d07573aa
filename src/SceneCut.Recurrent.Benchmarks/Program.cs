using Microsoft.ML.OnnxRuntime;
using SceneCut.Recurrent;
using SceneCut.Recurrent.Benchmarks;
using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.LinearAlgebra;
using SceneCut.Recurrent.Onnx;
using SceneCut.Recurrent.Training;

// Recurrent-core benchmark: a training step (forward + backward + Adam) and inference at the issue's shapes,
// next to ONNX Runtime's LSTM/GRU operator (same weights, exported by us) and PyTorch (bench_torch.py), same run.
BenchmarkSettings s = BenchmarkSettings.Parse(args);
int B = s.Batch, T = s.Steps, I = s.Input, H = s.Hidden;
Console.WriteLine($"Shapes: B={B} T={T} I={I} H={H} layers={s.Layers} bidirectional; cores={Environment.ProcessorCount}; " +
                  $"median of {s.Iterations} after {s.Warmup} warm-up");
// Other work on the machine skews every column alike; print the load so a reader can judge the numbers.
if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"Load average at start (1/5/15 min): {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b)}");
}

// GEMM throughput at the input-projection shape, to put the rest in context.
{
    int m = B * T, k = I, n = 4 * H;
    var random = new Random(1);
    float[] a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble()).ToArray();
    float[] b = Enumerable.Range(0, k * n).Select(_ => (float)random.NextDouble()).ToArray();
    var c = new float[m * n];
    double single = Stopwatches.MedianSeconds(() => Gemm.Multiply(a, b, c, m, k, n, false), 1, 5);
    double parallel = Stopwatches.MedianSeconds(() => Gemm.Multiply(a, b, c, m, k, n, false, parallel: true), 1, 5);
    double flops = 2.0 * m * k * n;
    Console.WriteLine($"GEMM ({m}×{k})·({k}×{n}): {flops / single / 1e9:F1} GFLOP/s on 1 core, {flops / parallel / 1e9:F1} GFLOP/s parallel");
}

IReadOnlyDictionary<string, TorchReference.Result> torch = new Dictionary<string, TorchReference.Result>();
string? torchProblem = "skipped (--skip-torch)";
if (!s.SkipTorch)
{
    torch = TorchReference.Run(s, out torchProblem);
}

Console.WriteLine();
Console.WriteLine("Wall time (CPU time of the process in brackets), median per call:");
Console.WriteLine("| cell | ours train step | PyTorch train step | train ratio | ours inference | ONNX Runtime inference | inference ratio | PyTorch inference |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
static string Ms(Stopwatches.Timing t) => $"{t.WallSeconds * 1000:F0} ms ({t.CpuSeconds * 1000:F0})";
foreach (CellType cell in new[] { CellType.Lstm, CellType.Gru })
{
    var stack = new RecurrentStack(new RecurrentOptions
    {
        Cell = cell, InputSize = I, HiddenSize = H, Layers = s.Layers, Bidirectional = true, Seed = 1,
    });
    var random = new Random(2);
    float[] x = Enumerable.Range(0, B * T * I).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    float[] dY = Enumerable.Range(0, B * T * 2 * H).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    var adam = new Adam();

    Stopwatches.Timing train = Stopwatches.Median(() =>
    {
        foreach (Parameter p in stack.Parameters)
        {
            p.ZeroGradient();
        }

        RecurrentOutput output = stack.Forward(x, B, T, training: true);
        // Like PyTorch with an input that does not require grad: no dX for layer 0.
        stack.Backward(output.Cache, dY, computeInputGradient: false);
        adam.Step(stack.Parameters, 1e-3f);
    }, s.Warmup, s.Iterations);
    Stopwatches.Timing inference = Stopwatches.Median(() => stack.Infer(x, B, T), s.Warmup, s.Iterations);

    using var model = new MemoryStream();
    OnnxExporter.Export(stack, model);
    using var sessionOptions = new SessionOptions { IntraOpNumThreads = s.Threads, InterOpNumThreads = 1 };
    using var session = new InferenceSession(model.ToArray(), sessionOptions);
    int[] lengths = Enumerable.Repeat(T, B).ToArray();
    using OrtValue input = OrtValue.CreateTensorValueFromMemory(x, [B, T, I]);
    using OrtValue lens = OrtValue.CreateTensorValueFromMemory(lengths, [B]);
    using var runOptions = new RunOptions();
    string[] names = [OnnxExporter.InputName, OnnxExporter.LengthsName];
    OrtValue[] values = [input, lens];
    Stopwatches.Timing ort = Stopwatches.Median(() =>
    {
        using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, names, values, session.OutputNames);
    }, s.Warmup, s.Iterations);

    string key = cell == CellType.Lstm ? "lstm" : "gru";
    string torchTrain = "n/a", torchInfer = "n/a", trainRatio = "n/a";
    if (torch.TryGetValue(key, out TorchReference.Result? t))
    {
        torchTrain = Ms(new Stopwatches.Timing(t.TrainSeconds, t.TrainCpuSeconds));
        torchInfer = Ms(new Stopwatches.Timing(t.InferenceSeconds, t.InferenceCpuSeconds));
        trainRatio = $"{train.WallSeconds / t.TrainSeconds:F2}×";
    }

    Console.WriteLine($"| {cell} | {Ms(train)} | {torchTrain} | {trainRatio} | {Ms(inference)} | {Ms(ort)} | " +
                      $"{inference.WallSeconds / ort.WallSeconds:F2}× | {torchInfer} |");
}

Console.WriteLine();
Console.WriteLine(torch.Count > 0
    ? $"PyTorch {torch.Values.First().Torch} with {torch.Values.First().Threads} threads (Debian python3-torch; libopenblas0-pthread installed gives it OpenBLAS)."
    : $"PyTorch: {torchProblem}");
Console.WriteLine($"ONNX Runtime {OrtEnv.Instance().GetVersionString()} CPU, {s.Threads} intra-op threads, exported graph with standard LSTM/GRU operators.");
if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"Load average at end (1/5/15 min): {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b)}");
}

Console.WriteLine("Ratios are ours ÷ theirs: below 1 means we are faster. Goals: train ≤ 1.5× PyTorch, inference ≤ 1.2× ONNX Runtime.");
