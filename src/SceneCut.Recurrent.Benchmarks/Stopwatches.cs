using System.Diagnostics;

namespace SceneCut.Recurrent.Benchmarks;

/// <summary>
/// Median wall time of an action after warm-up runs, and the median process CPU time next to it: on a machine
/// shared with other work, CPU time shows the cost of the work itself while wall time shows what a user waits.
/// </summary>
internal static class Stopwatches
{
    public readonly record struct Timing(double WallSeconds, double CpuSeconds);

    public static Timing Median(Action action, int warmup, int iterations)
    {
        for (int i = 0; i < warmup; i++)
        {
            action();
        }

        var wall = new double[iterations];
        var cpu = new double[iterations];
        using Process self = Process.GetCurrentProcess();
        for (int i = 0; i < iterations; i++)
        {
            self.Refresh();
            TimeSpan cpuStart = self.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            action();
            wall[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            self.Refresh();
            cpu[i] = (self.TotalProcessorTime - cpuStart).TotalSeconds;
        }

        return new Timing(MedianOf(wall), MedianOf(cpu));
    }

    public static double MedianSeconds(Action action, int warmup, int iterations) =>
        Median(action, warmup, iterations).WallSeconds;

    private static double MedianOf(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
