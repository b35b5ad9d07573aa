using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SceneCut.Scale.Database;
using SceneCut.Worker;
using SceneCut.Worker.Dashboard;

// scenecut-worker: watches the folders in appsettings.json (Worker section) and writes one result per video.
// Exit codes: 0 stopped, 3 the scale-out database cannot be reached, 4 the dashboard cannot listen on its address,
// 10 invalid settings.
using var host = WorkerHost.CreateBuilder(args).Build();
try
{
    // Settings first (the same checks the host runs at start), so a bad one is reported before any wait for the database.
    host.Services.GetService<IStartupValidator>()?.Validate();

    // Scale-out mode: wait for the shared database before Hangfire starts, and say clearly when it cannot be reached.
    if (host.Services.GetService<DatabaseGate>() is { } database)
    {
        try
        {
            await database.WaitAsync(CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 3;
        }
    }

    await host.RunAsync();
}
catch (DashboardUnavailableException ex)
{
    await Console.Error.WriteLineAsync($"scenecut-worker: {ex.Message}");
    return 4;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"scenecut-worker: invalid settings: {string.Join(" ", ex.Failures)}");
    return 10;
}

return 0;
