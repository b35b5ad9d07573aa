using SceneCut.Shots;

namespace SceneCut.Scenes.Training;

/// <summary>
/// Splices episodes from analysed footage, needing no labels: segments of source videos joined by cuts, dissolves or
/// fades through black. A join between two different sources is a scene change; a join between two parts of the same
/// source (a jump cut) and a source's own cuts are not. Shots of a segment are the source's detected shots clipped to
/// it, each embedded from the source frame nearest its middle, as detection does on a real video.
/// </summary>
public sealed class EpisodeSplicer
{
    private readonly IReadOnlyList<FootageIndex> _sources;
    private readonly EpisodeRecipe _recipe;
    private readonly Random _random;

    public EpisodeSplicer(IReadOnlyList<FootageIndex> sources, EpisodeRecipe recipe, int seed)
    {
        if (sources.Count < 2)
        {
            throw new ArgumentException($"Splicing scene changes needs at least 2 source videos, found {sources.Count}.", nameof(sources));
        }

        _sources = sources;
        _recipe = recipe;
        _random = new Random(seed);
    }

    /// <summary>The next episode.</summary>
    public SceneEpisode Next()
    {
        var segments = _random.Next(_recipe.MinSegments, _recipe.MaxSegments + 1);
        var shots = new List<ShotSummary>();
        var labels = new List<float>();
        var names = new List<string>();
        var time = 0.0;
        FootageIndex? previous = null;
        for (var s = 0; s < segments; s++)
        {
            var sameSource = previous is not null && _random.NextDouble() < _recipe.SameSourceJoinShare;
            var source = sameSource ? previous! : PickOther(previous);
            TransitionKind? join = s == 0 ? null : sameSource ? TransitionKind.Cut : PickJoin();
            var pieces = Segment(source, join);
            if (pieces.Count == 0)
            {
                continue;
            }

            for (var p = 0; p < pieces.Count; p++)
            {
                var piece = pieces[p];
                var duration = piece.DurationSeconds;
                shots.Add(piece with { StartSeconds = time, EndSeconds = time + duration, TransitionIn = shots.Count == 0 ? null : piece.TransitionIn });
                labels.Add(p == 0 && previous is not null && !ReferenceEquals(previous, source) ? 1f : 0f);
                time += duration;
            }

            names.Add(source.Source);
            previous = source;
        }

        return new SceneEpisode(shots, [.. labels], names);
    }

    private FootageIndex PickOther(FootageIndex? previous)
    {
        while (true)
        {
            var candidate = _sources[_random.Next(_sources.Count)];
            if (!ReferenceEquals(candidate, previous))
            {
                return candidate;
            }
        }
    }

    private TransitionKind PickJoin()
    {
        var x = _random.NextDouble();
        return x < _recipe.DissolveShare ? TransitionKind.Dissolve
            : x < _recipe.DissolveShare + _recipe.FadeShare ? TransitionKind.FadeThroughBlack
            : TransitionKind.Cut;
    }

    private List<ShotSummary> Segment(FootageIndex source, TransitionKind? join)
    {
        var length = Math.Min(source.DurationSeconds, _recipe.MinSegmentSeconds + (_random.NextDouble() * (_recipe.MaxSegmentSeconds - _recipe.MinSegmentSeconds)));
        var origin = source.Shots.Count > 0 ? source.Shots[0].StartSeconds : 0;
        var from = origin + (_random.NextDouble() * Math.Max(0, source.DurationSeconds - length));
        var to = from + length;
        var pieces = new List<ShotSummary>();
        foreach (var shot in source.Shots)
        {
            var start = Math.Max(shot.StartSeconds, from);
            var end = Math.Min(shot.EndSeconds, to);
            if (end - start < _recipe.MinPieceSeconds)
            {
                continue;
            }

            var kind = pieces.Count == 0 ? join : shot.TransitionIn ?? TransitionKind.Cut;
            pieces.Add(new ShotSummary(start, end, kind, shot.IsBlack, source.EmbeddingAt((start + end) / 2)));
        }

        return pieces;
    }
}
