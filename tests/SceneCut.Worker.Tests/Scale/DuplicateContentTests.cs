using System.Text.Json;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Scale;

/// <summary>The same content under several names in Hangfire mode: every name gets its result, the content is analysed once.</summary>
[Collection("worker processes")]
public sealed class DuplicateContentTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task SameContentUnderThreeNames_EveryNameGetsItsResult_AnalysedOnce()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        Directory.CreateDirectory(Path.Combine(setup.Input, "sub"));
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "x.mp4"), "x");
        File.Copy(Path.Combine(setup.Input, "x.mp4"), Path.Combine(setup.Input, "sub", "x-copy.mp4"));
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "y.mp4"), "y");
        var workers = Enumerable.Range(0, 2).Select(i => WorkerProcess.Start(ScaleOutTests.Args(setup, database, i))).ToArray();
        try
        {
            // Two names met while the content is new (claimed and enqueued, or running)...
            await Wait.UntilAsync(() => File.Exists(setup.ResultFor("x.mp4")) || File.Exists(setup.ResultFor(Path.Combine("sub", "x-copy.mp4"))), Patience, "x's first result");
            // ...and a third once it is Done.
            File.Copy(Path.Combine(setup.Input, "x.mp4"), Path.Combine(setup.Input, "x-late.mp4"));
            string[] names = ["x.mp4", Path.Combine("sub", "x-copy.mp4"), "x-late.mp4", "y.mp4"];
            await Wait.UntilAsync(() => names.All(n => File.Exists(setup.ResultFor(n))), Patience, "a result for every name");
            await Wait.UntilAsync(
                () => database.Scalar("SELECT count(*) FROM scenecut_hangfire.job WHERE statename = 'Succeeded'") == 4, Patience,
                "two analyses and two copies Succeeded");

            Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job WHERE invocationdata::text LIKE '%AnalyseFileJob%'"));
            Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job WHERE invocationdata::text LIKE '%CopyResultsJob%'"));
            Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'"));
            Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_names WHERE state = 'Done'"));
            // Each copy names its own file; the shots are the analysed name's.
            var analysed = JsonDocument.Parse(await File.ReadAllTextAsync(setup.ResultFor("x.mp4"))).RootElement;
            foreach (var name in names.Where(n => n.Contains('x', StringComparison.Ordinal)))
            {
                var result = JsonDocument.Parse(await File.ReadAllTextAsync(setup.ResultFor(name))).RootElement;
                Assert.Equal(Path.Combine(setup.Input, name), result.GetProperty("video").GetProperty("path").GetString());
                Assert.Equal(analysed.GetProperty("shots").GetRawText(), result.GetProperty("shots").GetRawText());
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task QuarantinedContentUnderTwoNames_EachNameGetsItsErrorDocument_AnalysedOnce()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        await File.WriteAllTextAsync(Path.Combine(setup.Input, "broken.mp4"), "not a video, but long enough to be fingerprinted");
        File.Copy(Path.Combine(setup.Input, "broken.mp4"), Path.Combine(setup.Input, "broken-copy.mp4"));
        using var worker = WorkerProcess.Start(ScaleOutTests.Args(setup, database, 0));
        string[] names = ["broken.mp4", "broken-copy.mp4", "broken-late.mp4"];

        // One name met with the content already quarantined, too.
        await Wait.UntilAsync(() => File.Exists(setup.ErrorFor("broken.mp4")) || File.Exists(setup.ErrorFor("broken-copy.mp4")), Patience, "the first error document");
        File.Copy(Path.Combine(setup.Input, "broken.mp4"), Path.Combine(setup.Input, "broken-late.mp4"));
        await Wait.UntilAsync(() => names.All(n => File.Exists(setup.ErrorFor(n))), Patience, "an error document for every name");
        await Wait.UntilAsync(
            () => database.Scalar("SELECT count(*) FROM scenecut.content_names WHERE state = 'Quarantined'") == 2, Patience,
            "both further names recorded Quarantined");

        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job WHERE invocationdata::text LIKE '%AnalyseFileJob%'"));
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job WHERE invocationdata::text LIKE '%CopyResultsJob%'"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Quarantined'"));
        Assert.Empty(Directory.GetFiles(setup.Output, "*.scenecut.json", SearchOption.AllDirectories));
        // Each document names its own file and carries the analysed name's reason.
        var reasons = new List<string>();
        foreach (var name in names)
        {
            var error = JsonDocument.Parse(await File.ReadAllTextAsync(setup.ErrorFor(name))).RootElement;
            Assert.Equal(Path.Combine(setup.Input, name), error.GetProperty("source").GetString());
            reasons.Add(error.GetProperty("error").GetString() + ": " + error.GetProperty("message").GetString());
        }

        Assert.Single(reasons.Distinct());
    }

    [PostgresFact]
    public async Task FurtherNameWhileTheOutputFolderIsAway_CopyGivesUpAfterMaxAttempts_NameFailedWithTheReason()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "x.mp4"), "x");
        using var worker = WorkerProcess.Start([.. ScaleOutTests.Args(setup, database, 0), "--Scale:MaxAttempts=2"]);
        await Wait.UntilAsync(
            () => File.Exists(setup.ResultFor("x.mp4")) && database.Scalar("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'") == 1,
            Patience, "x analysed");

        // Root cannot be locked out by permissions, so the folder is taken away and a file put in its place (an
        // unmounted share); then a further name of the same content arrives.
        var away = setup.Output + ".away";
        Directory.Move(setup.Output, away);
        await File.WriteAllTextAsync(setup.Output, "not a folder");
        try
        {
            File.Copy(Path.Combine(setup.Input, "x.mp4"), Path.Combine(setup.Input, "x-late.mp4"));
            await Wait.UntilAsync(
                () => database.Scalar("SELECT count(*) FROM scenecut_hangfire.job WHERE statename = 'Failed' AND invocationdata::text LIKE '%CopyResultsJob%'") == 1,
                Patience, "the copy job Failed after its two runs");

            // The name says why, instead of staying Enqueued for ever; the content stays Done and was analysed once.
            Assert.Equal("Failed", await database.TextAsync("SELECT state FROM scenecut.content_names WHERE source_path LIKE '%x-late.mp4'"));
            var reason = await database.TextAsync("SELECT reason FROM scenecut.content_names WHERE source_path LIKE '%x-late.mp4'");
            Assert.StartsWith("output folder unavailable", reason, StringComparison.Ordinal);
            Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'"));
            Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job WHERE invocationdata::text LIKE '%AnalyseFileJob%'"));
        }
        finally
        {
            File.Delete(setup.Output);
            Directory.Move(away, setup.Output);
        }
    }
}
