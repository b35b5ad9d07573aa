using SceneCut.Jobs.Jobs;
using Spectre.Console;

namespace SceneCut.Cli.Batch;

/// <summary>The end of a batch run: the summary document and the table a person reads.</summary>
internal static class BatchReport
{
    // The table lists at most this many failed files; the summary file lists them all.
    private const int FailedRowsShown = 20;

    public static BatchSummary Summarise(IReadOnlyList<JobOutcome> outcomes, DateTimeOffset started, DateTimeOffset finished, string ledger)
    {
        var counts = Enum.GetValues<OutcomeKind>().ToDictionary(k => k.ToString(), k => outcomes.Count(o => o.Kind == k));
        var files = outcomes
            .OrderBy(o => o.Input.SourcePath, StringComparer.Ordinal)
            .Select(o => new BatchFileResult(o.Input.SourcePath, o.Kind, o.Frames, Math.Round(o.Seconds, 3), o.Error, o.Outputs))
            .ToList();
        return new BatchSummary(1, started, finished, ledger, counts, outcomes.Count(o => !o.Succeeded), files);
    }

    public static void Print(BatchSummary summary, string summaryPath, IAnsiConsole console)
    {
        var table = new Table().AddColumn("outcome").AddColumn(new TableColumn("files").RightAligned());
        foreach (var (kind, count) in summary.Counts.Where(c => c.Value > 0))
        {
            table.AddRow(Markup.Escape(kind), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", $"[bold]{summary.Files.Count}[/]");
        console.Write(table);
        var failed = summary.Files.Where(f => f.Outcome is not (OutcomeKind.Analysed or OutcomeKind.Skipped or OutcomeKind.Duplicate or OutcomeKind.Moved)).ToList();
        if (failed.Count > 0)
        {
            var failures = new Table().AddColumn("file").AddColumn("outcome").AddColumn("why");
            foreach (var file in failed.Take(FailedRowsShown))
            {
                failures.AddRow(Markup.Escape(file.Source), file.Outcome.ToString(), Markup.Escape(file.Error ?? ""));
            }

            console.Write(failures);
            if (failed.Count > FailedRowsShown)
            {
                console.MarkupLine($"… and {failed.Count - FailedRowsShown} more in the summary file");
            }
        }

        console.MarkupLine($"summary: {Markup.Escape(summaryPath)}");
    }
}
