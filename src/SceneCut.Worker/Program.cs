using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SceneCut.Scale.Database;
using SceneCut.Worker;

// scenecut-worker: watches the folders in appsettings.json (Worker section) and writes one result per video.
using var host = WorkerHost.CreateBuilder(args).Build();
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
return 0;
