namespace SceneCut.Recurrent.Benchmarks;

/// <summary>The shapes the issue fixes for the comparison, and how often each measurement repeats.</summary>
internal sealed record BenchmarkSettings
{
    public int Batch { get; init; } = 16;

    public int Steps { get; init; } = 256;

    public int Input { get; init; } = 512;

    public int Hidden { get; init; } = 128;

    public int Layers { get; init; } = 2;

    /// <summary>Untimed runs first: tiered JIT promotes hot methods (TensorPrimitives kernels among them) to optimised code only after ~30 calls and a short delay, and tier-0 code is several times slower.</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>Timed runs; the median is reported.</summary>
    public int Iterations { get; init; } = 5;

    /// <summary>Threads for ONNX Runtime and PyTorch: the machine's cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Python with torch (Debian's python3-torch lives under /usr/bin).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    public bool SkipTorch { get; init; }

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : "";
            settings = args[i] switch
            {
                "--iterations" => settings with { Iterations = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => settings with { Warmup = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--steps" => settings with { Steps = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--python" => settings with { Python = value },
                "--skip-torch" => settings with { SkipTorch = true },
                _ => settings,
            };
            if (args[i] is "--iterations" or "--warmup" or "--steps" or "--python")
            {
                i++;
            }
        }

        return settings;
    }
}
