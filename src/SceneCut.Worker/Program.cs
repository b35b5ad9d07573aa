using Microsoft.Extensions.Hosting;
using SceneCut.Worker;

// scenecut-worker: watches the folders in appsettings.json (Worker section) and writes one result per video.
using var host = WorkerHost.CreateBuilder(args).Build();
await host.RunAsync();
