using System.Diagnostics;

namespace SceneCut.Recurrent.Benchmarks;

/// <summary>Median wall time of an action after warm-up runs.</summary>
internal static class Stopwatches
{
    public static double MedianSeconds(Action action, int warmup, int iterations)
    {
        for (int i = 0; i < warmup; i++)
        {
            action();
        }

        var times = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(times);
        return iterations % 2 == 1 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
    }
}
