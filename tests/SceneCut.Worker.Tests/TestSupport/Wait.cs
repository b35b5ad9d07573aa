namespace SceneCut.Worker.Tests.TestSupport;

/// <summary>Polls a condition of the real system (files, ledger) until it holds or the time is up.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
