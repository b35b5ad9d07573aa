// Makes samples/demo: a short clip of procedural pictures (our own, no third-party footage) with cuts, a dissolve,
// a fade through black, a flash frame and a panning shot; its frame-accurate truth; and the result SceneCut gives.
//   dotnet run --project samples/MakeDemoClip -- samples/demo
using System.Text.Json;
using OpenCvSharp;
using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Shots;
using SceneCut.Synthetic;

var folder = args.Length > 0 ? args[0] : Path.Combine("samples", "demo");
Directory.CreateDirectory(Path.Combine(folder, "truth"));
var video = Path.Combine(folder, "demo.mp4");

SyntheticShot[] shots =
[
    new(PictureSeed: 1, Frames: 60),
    new(PictureSeed: 2, Frames: 50, PanPixelsPerFrame: 3),
    new(PictureSeed: 3, Frames: 60, FlashFrames: [25]),
    new(PictureSeed: 4, Frames: 60),
    new(PictureSeed: 5, Frames: 50),
    new(PictureSeed: 6, Frames: 60, PanPixelsPerFrame: 2),
];
SyntheticTransition[] transitions =
[
    SyntheticTransition.Cut,
    SyntheticTransition.Cut,
    new(TransitionKind.Dissolve, Frames: 20),
    new(TransitionKind.FadeThroughBlack, Frames: 15, BlackFrames: 10),
    SyntheticTransition.Cut,
];

var truth = SyntheticClip.Write(video, shots, transitions, new Size(640, 360), fps: 25);
File.WriteAllText(
    Path.Combine(folder, "truth", "demo.truth.json"),
    JsonSerializer.Serialize(truth, new JsonSerializerOptions { WriteIndented = true }) + "\n");

var result = await ScenePipeline.RunAsync(video, new PipelineOptions(), progress: null, CancellationToken.None);
// The committed result names the clip relative to the repository root, as the README's command does.
result = result with { Video = result.Video with { Path = "samples/demo/demo.mp4" } };
File.WriteAllText(Path.Combine(folder, "demo.result.json"), ResultJson.Serialize(result) + "\n");
Console.WriteLine($"{video}: {truth.FrameCount} frames, {truth.Cuts.Count} cuts, {truth.Gradual.Count} gradual transitions; detected {result.Shots.Count} shots");
