using System.Diagnostics;
using System.Text.Json;

namespace SceneCut.Recurrent.Benchmarks;

/// <summary>Runs bench_torch.py with the same shapes and reads its JSON lines.</summary>
internal static class TorchReference
{
    public sealed record Result(string Cell, string Torch, int Threads, double TrainSeconds, double TrainCpuSeconds,
        double InferenceSeconds, double InferenceCpuSeconds);

    public static IReadOnlyDictionary<string, Result> Run(BenchmarkSettings s, out string? problem)
    {
        problem = null;
        string script = Path.Combine(AppContext.BaseDirectory, "bench_torch.py");
        var info = new ProcessStartInfo(s.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // OpenMP threads spin while waiting by default; on a machine shared with other work that spinning starves
        // the BLAS threads and measured 7.7 s instead of 0.63 s for the LSTM training step. Passive waiting
        // measures torch's own cost.
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        foreach (string arg in new[]
                 {
                     script, "--batch", $"{s.Batch}", "--steps", $"{s.Steps}", "--input", $"{s.Input}", "--hidden",
                     $"{s.Hidden}", "--layers", $"{s.Layers}", "--threads", $"{s.Threads}", "--warmup", $"{s.Warmup}",
                     "--iterations", $"{s.Iterations}",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var results = new Dictionary<string, Result>();
        try
        {
            using Process process = Process.Start(info) ?? throw new InvalidOperationException("python did not start");
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                problem = $"{s.Python} exited with {process.ExitCode}: {stderr.Trim()}";
                return results;
            }

            foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                JsonElement e = doc.RootElement;
                var r = new Result(e.GetProperty("cell").GetString()!, e.GetProperty("torch").GetString()!,
                    e.GetProperty("threads").GetInt32(), e.GetProperty("train_seconds").GetDouble(),
                    e.GetProperty("train_cpu_seconds").GetDouble(), e.GetProperty("inference_seconds").GetDouble(),
                    e.GetProperty("inference_cpu_seconds").GetDouble());
                results[r.Cell] = r;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or JsonException)
        {
            problem = $"could not run PyTorch reference: {e.Message}";
        }

        return results;
    }
}
