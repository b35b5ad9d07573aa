using System.CommandLine;
using SceneCut.Cli.Commands;

var config = new Option<FileInfo?>("--config")
{
    Description = "An extra appsettings.json (overrides the one beside the executable and in the current folder).",
    Recursive = true,
};

var root = new RootCommand("SceneCut: frame-accurate shots, semantic scenes and ad slots for video.")
{
    config,
    DetectCommand.Create(config),
    EvalCommand.Create(config),
    BenchCommand.Create(config),
    BatchCommand.Create(config),
    EnqueueCommand.Create(config),
    TrainCommand.Create(config),
    TrainShotsCommand.Create(config),
};

return await root.Parse(args).InvokeAsync();
