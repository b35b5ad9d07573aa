using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SceneCut.Jobs.Ledger;

namespace SceneCut.Jobs.Tests.Ledger;

public sealed class JobLedgerTests
{
    private static readonly ContentFingerprint A = new(1000, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "aaaa");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Open_NewFile_CreatesCurrentSchemaInWalMode()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);

        Assert.Equal(LedgerMigrations.CurrentVersion, ledger.SchemaVersion);
        using var connection = new SqliteConnection($"Data Source={folder.File("l.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Open_SchemaNewerThanThisBuild_Refuses()
    {
        using var folder = new TempFolder();
        using (var connection = new SqliteConnection($"Data Source={folder.File("l.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {LedgerMigrations.CurrentVersion + 1}";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<LedgerUnavailableException>(() => JobLedger.Open(folder.File("l.db"), _time));
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhileAnotherOwnerHoldsIt_Refuses()
    {
        using var folder = new TempFolder();
        using var first = JobLedger.Open(folder.File("l.db"), _time);

        var ex = Assert.Throws<LedgerUnavailableException>(() => JobLedger.Open(folder.File("l.db"), _time));
        Assert.Contains("in use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_NewContent_RunsWithOneAttemptAndRecordsThePath()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);

        var claim = ledger.Claim("/in/a.mp4", A, maxAttempts: 3);

        Assert.Equal(ClaimKind.Run, claim.Kind);
        Assert.Equal(JobState.Running, claim.Job.State);
        Assert.Equal(1, claim.Job.Attempts);
        Assert.Equal(claim.Job.Id, ledger.FindSource("/in/a.mp4")!.JobId);
    }

    [Fact]
    public void Claim_SameContentUnderAnotherName_AfterDone_ReturnsDoneWithoutNewJob()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        var job = ledger.Claim("/in/a.mp4", A, 3).Job;
        ledger.Complete(job.Id, "/in/a.mp4", ["/out/a.mp4.scenecut.json"], 1.5, 50, "scenecut test", null);

        var second = ledger.Claim("/in/b.mp4", A with { LastWriteUtc = A.LastWriteUtc.AddHours(1) }, 3);

        Assert.Equal(ClaimKind.Done, second.Kind);
        Assert.Single(ledger.GetJobs());
        Assert.Equal(2, ledger.GetSources().Count);
    }

    [Fact]
    public void Adopt_ContentAnalysedElsewhere_ClaimUnderAnotherNameReturnsDoneWithItsOutputs()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);

        ledger.Adopt("/share/in/a.mp4", A, ["/share/out/a.mp4.scenecut.json"]);
        var second = ledger.Claim("/share/in/b.mp4", A, 3);

        Assert.Equal(ClaimKind.Done, second.Kind);
        Assert.Equal("/share/in/a.mp4", second.Job.SourcePath);
        Assert.Equal(["/share/out/a.mp4.scenecut.json"], second.Job.Outputs);
        Assert.Equal(0, second.Job.Attempts);
    }

    [Fact]
    public void Adopt_ContentKnownHere_TakesTheOtherNodesNameAndOutputs()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        var job = ledger.Claim("/share/in/a.mp4", A, 3).Job;
        ledger.RecordFailure(job.Id, "Error: decoder");

        ledger.Adopt("/share/in/c.mp4", A, ["/share/out/c.mp4.scenecut.json"]);

        var adopted = Assert.Single(ledger.GetJobs());
        Assert.Equal(JobState.Done, adopted.State);
        Assert.Equal("/share/in/c.mp4", adopted.SourcePath);
        Assert.Null(adopted.LastError);
    }

    [Fact]
    public void Claim_WhileRunning_ReturnsBusy()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        ledger.Claim("/in/a.mp4", A, 3);

        Assert.Equal(ClaimKind.Busy, ledger.Claim("/in/b.mp4", A, 3).Kind);
    }

    [Fact]
    public void Open_AfterProcessEndedMidJob_MarksItFailedAndKeepsTheAttempt()
    {
        using var folder = new TempFolder();
        using (var ledger = JobLedger.Open(folder.File("l.db"), _time))
        {
            ledger.Claim("/in/a.mp4", A, 3);
        }

        using var reopened = JobLedger.Open(folder.File("l.db"), _time);
        var job = Assert.Single(reopened.GetJobs());

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(JobLedger.InterruptedError, job.LastError);
        Assert.Equal(ClaimKind.Run, reopened.Claim("/in/a.mp4", A, 3).Kind);
    }

    [Fact]
    public void Claim_AllAttemptsUsed_ReturnsExhausted()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        var job = ledger.Claim("/in/a.mp4", A, 2).Job;
        ledger.RecordFailure(job.Id, "Timeout: slow");
        ledger.Claim("/in/a.mp4", A, 2);
        ledger.RecordFailure(job.Id, "Timeout: slow");

        Assert.Equal(ClaimKind.Exhausted, ledger.Claim("/in/a.mp4", A, 2).Kind);
    }

    [Fact]
    public void Release_GivesTheAttemptBack()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        var job = ledger.Claim("/in/a.mp4", A, 3).Job;

        ledger.Release(job.Id, "Cancelled: shutdown");

        var released = ledger.GetJob(job.Id);
        Assert.Equal(JobState.Pending, released.State);
        Assert.Equal(0, released.Attempts);
    }

    [Fact]
    public void Claim_ChangedContentAtSamePath_StartsANewJob()
    {
        using var folder = new TempFolder();
        using var ledger = JobLedger.Open(folder.File("l.db"), _time);
        var first = ledger.Claim("/in/a.mp4", A, 3).Job;
        ledger.Complete(first.Id, "/in/a.mp4", ["/out/a.mp4.scenecut.json"], 1, 50, "t", null);

        var changed = ledger.Claim("/in/a.mp4", A with { Hash = "bbbb" }, 3);

        Assert.Equal(ClaimKind.Run, changed.Kind);
        Assert.NotEqual(first.Id, changed.Job.Id);
        Assert.Empty(ledger.FindSource("/in/a.mp4")!.Outputs);
    }
}
