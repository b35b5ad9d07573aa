using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SceneCut.Evaluation;
using SceneCut.Evaluation.Real;
using SceneCut.Testing;

namespace SceneCut.Tests.Evaluation.Real;

/// <summary>
/// The real-video scorer follows <c>shared/tools/score_real.py</c>: its rules one by one on a small truth, and the
/// same counts as the script itself on perturbed predictions for every real video.
/// </summary>
public sealed class RealScorerTests
{
    // 25 fps: a cut at 100, a dissolve 200–210, a flash marked ambiguous 300–302; scenes start at 100 and 205.
    private static readonly RealTruth Truth = new()
    {
        Video = "media/x.mp4",
        Name = "x",
        Fps = 25,
        FrameCount = 500,
        Transitions =
        [
            new RealTransition { Type = "cut", Frame = 100 },
            new RealTransition { Type = "gradual", Start = 200, End = 210 },
        ],
        Ambiguous = [[300, 302]],
        Scenes = [100, 205],
    };

    [Theory]
    // Exact hits, a cut two frames late (k = 2), a cut inside the dissolve.
    [InlineData(new[] { 100, 100, 200, 210 }, 2, 0, 0)]
    [InlineData(new[] { 102, 102, 205, 205 }, 2, 0, 0)]
    // Three frames late misses at k = 2: a false positive and a false negative.
    [InlineData(new[] { 103, 103 }, 0, 1, 2)]
    // A second report inside the matched dissolve is the same event; one overlapping the ambiguous flash counts neither way.
    [InlineData(new[] { 200, 200, 208, 208, 299, 299 }, 1, 0, 1)]
    public void Score_Shots_FollowTheReferenceRules(int[] flat, int tp, int fp, int fn)
    {
        var predictions = flat.Chunk(2).Select(p => (p[0], p[1])).ToList();

        var score = RealScorer.Score(Truth, predictions, []);

        Assert.Equal(new MatchCounts(tp, fp, fn), score.Shots);
    }

    [Theory]
    // Within 1 s (25 frames) of a start, or anywhere over the dissolve widened by 1 s.
    [InlineData(new[] { 124, 185 }, 2, 0, 0)]
    [InlineData(new[] { 126, 235 }, 1, 1, 1)]
    [InlineData(new[] { 236 }, 0, 1, 2)]
    // A start inside an ambiguous span counts neither way.
    [InlineData(new[] { 100, 301 }, 1, 0, 1)]
    public void Score_Scenes_FollowTheReferenceRules(int[] starts, int tp, int fp, int fn)
    {
        var score = RealScorer.Score(Truth, [], starts);

        Assert.Equal(new MatchCounts(tp, fp, fn), score.Scenes);
    }

    [Fact]
    public void Repository_IsTheOwnerAndNameOfTheSource()
    {
        var truth = Truth with { Source = "github ossrs/srs @ 101382a : trunk/bbb.flv (git blob 6521)" };

        Assert.Equal("ossrs/srs", truth.Repository);
    }

    [Fact]
    public void Load_NamesTheFileAndTheFault()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.truth.json");
        File.WriteAllText(path, """{"video": "media/x.mp4", "fps": 25, "transitions": [{"type": "gradual", "start": 9, "end": 3}]}""");

        var error = Assert.Throws<InvalidDataException>(() => RealTruth.Load(path));

        Assert.Contains("bad.truth.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("gradual", error.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Score_PerturbedPredictionsOfEveryRealVideo_SameCountsAsTheReferenceScript()
    {
        var truthFolder = Path.Combine(SharedData.Folder!, "real");
        var script = Path.GetFullPath(Path.Combine(SharedData.Folder!, "..", "tools", "score_real.py"));
        using var predictions = new TempFolder();
        var random = new Random(5);
        var scores = new List<RealVideoScore>();
        foreach (var truth in RealTruth.LoadFolder(truthFolder))
        {
            var (transitions, scenes) = Perturb(truth, random);
            scores.Add(RealScorer.Score(truth, transitions, scenes));
            File.WriteAllText(predictions.File(truth.Name + ".json"), Document(transitions, scenes));
        }

        var reference = JsonNode.Parse(RunPython(script, truthFolder, predictions.Path))!;
        var total = RealVideoScore.Sum("all", scores);

        Assert.Equal((int)reference["shots"]!["tp"]!, total.Shots.TruePositives);
        Assert.Equal((int)reference["shots"]!["fp"]!, total.Shots.FalsePositives);
        Assert.Equal((int)reference["shots"]!["fn"]!, total.Shots.FalseNegatives);
        Assert.Equal((double)reference["shots"]!["cut_recall"]!, Math.Round(total.CutRecall, 4));
        Assert.Equal((double)reference["shots"]!["gradual_recall"]!, Math.Round(total.GradualRecall, 4));
        Assert.Equal((int)reference["scenes"]!["tp"]!, total.Scenes.TruePositives);
        Assert.Equal((int)reference["scenes"]!["fp"]!, total.Scenes.FalsePositives);
        Assert.Equal((int)reference["scenes"]!["fn"]!, total.Scenes.FalseNegatives);
        // The perturbation must exercise every rule: hits, misses and false alarms on both levels.
        Assert.All(new[] { total.Shots, total.Scenes }, m => Assert.True(m.TruePositives > 0 && m.FalsePositives > 0 && m.FalseNegatives > 0, m.ToString()));
    }

    // Each true transition kept (shifted by up to 3 frames), dropped or doubled; false alarms added; scene starts moved up to ±1.6 s.
    private static (List<(int, int)> Transitions, List<int> Scenes) Perturb(RealTruth truth, Random random)
    {
        var transitions = new List<(int, int)>();
        foreach (var t in truth.Transitions)
        {
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                continue;
            }

            var shift = random.Next(-3, 4);
            var first = Math.Max(1, t.First + shift);
            transitions.Add((first, Math.Max(first, t.Last + shift)));
            if (roll > 0.9)
            {
                transitions.Add((first + 1, first + 1));
            }
        }

        for (var k = 0; k < truth.Transitions.Count / 5 + 1; k++)
        {
            var f = random.Next(1, Math.Max(2, truth.FrameCount));
            transitions.Add((f, f));
        }

        transitions.Sort();
        var scenes = truth.Scenes.Where(_ => random.NextDouble() > 0.2)
            .Select(f => Math.Max(1, f + (int)(random.Next(-40, 41) * truth.Fps / 25)))
            .Concat(transitions.Where(_ => random.NextDouble() < 0.2).Select(t => t.Item1))
            .Distinct()
            .Order()
            .ToList();
        return (transitions, scenes);
    }

    // The parts of a result document the reference script reads.
    private static string Document(List<(int First, int Last)> transitions, List<int> scenes)
    {
        var shots = new JsonArray { new JsonObject { ["transitionIn"] = null } };
        foreach (var (first, last) in transitions)
        {
            shots.Add(new JsonObject { ["transitionIn"] = new JsonObject { ["startFrame"] = first, ["endFrame"] = last } });
        }

        var sceneArray = new JsonArray { new JsonObject { ["startFrame"] = 0 } };
        foreach (var s in scenes)
        {
            sceneArray.Add(new JsonObject { ["startFrame"] = s });
        }

        return new JsonObject { ["shots"] = shots, ["scenes"] = sceneArray }.ToJsonString();
    }

    private static string RunPython(string script, string truthFolder, string predictionFolder)
    {
        using var process = Process.Start(new ProcessStartInfo("python3", [script, truthFolder, predictionFolder, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"score_real.py failed: {error}");
        return output;
    }
}
