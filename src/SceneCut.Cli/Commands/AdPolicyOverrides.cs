using System.CommandLine;
using SceneCut.Pipeline;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>--min-slot-gap</c>, <c>--slot-margin</c> and <c>--min-slot-score</c>: override <c>SceneCut:AdPolicy</c> for one run.
/// One instance per command (System.CommandLine options belong to one command each).
/// </summary>
public sealed class AdPolicyOverrides
{
    private readonly Option<double?> _minGap = new("--min-slot-gap") { Description = FormattableString.Invariant($"Least seconds between two ad slots (default: SceneCut:AdPolicy:MinGapSeconds, {AdSlots.AdPolicyDefaults.MinGapSeconds}).") };
    private readonly Option<double?> _margin = new("--slot-margin") { Description = FormattableString.Invariant($"No ad slot this many seconds from the start or end (default: SceneCut:AdPolicy:MarginSeconds, {AdSlots.AdPolicyDefaults.MarginSeconds}).") };
    private readonly Option<double?> _minScore = new("--min-slot-score") { Description = FormattableString.Invariant($"Least scene-boundary probability, 0..1, an ad slot may sit on (default: SceneCut:AdPolicy:MinScore, {AdSlots.AdPolicyDefaults.MinScore}).") };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_minGap);
        command.Add(_margin);
        command.Add(_minScore);
    }

    /// <summary>Applies the values given on the command line to <paramref name="options"/> and validates the policy, so a bad value fails before any decoding.</summary>
    public PipelineOptions Apply(ParseResult parse, PipelineOptions options)
    {
        if (parse.GetValue(_minGap) is { } minGap)
        {
            options.AdPolicy.MinGapSeconds = minGap;
        }

        if (parse.GetValue(_margin) is { } margin)
        {
            options.AdPolicy.MarginSeconds = margin;
        }

        if (parse.GetValue(_minScore) is { } minScore)
        {
            options.AdPolicy.MinScore = minScore;
        }

        options.AdPolicy.Validate();
        return options;
    }
}
