namespace SceneCut.Scenes.Training.Photos;

/// <summary>The rendered and embedded shots of one photograph (what the photo cache stores).</summary>
/// <param name="Source">The photograph's file name.</param>
/// <param name="ModelId">Identity of the CNN that made the embeddings.</param>
/// <param name="Durations">Length of each shot in seconds.</param>
/// <param name="Embeddings">Unit-length embedding of each shot; the first shows the whole picture.</param>
public sealed record PhotoViews(string Source, string ModelId, double[] Durations, float[][] Embeddings)
{
    // The photo episodes sample a shot at this cadence, as footage is sampled (SceneDefaults.SampleSeconds).
    private const double SampleSeconds = 0.25;

    /// <summary>
    /// The photograph as footage: its shots one after another, joined by cuts. Every shot is sampled at the footage
    /// cadence with its own embedding, so a piece cut from any part of a shot is embedded as that shot.
    /// </summary>
    public FootageIndex ToFootage()
    {
        var shots = new List<FootageShot>(Durations.Length);
        var samples = new List<FootageSample>();
        var time = 0.0;
        for (var i = 0; i < Durations.Length; i++)
        {
            var end = time + Durations[i];
            shots.Add(new FootageShot(time, end, i == 0 ? null : Shots.TransitionKind.Cut, IsBlack: false));
            for (var t = time + (SampleSeconds / 2); t < end; t += SampleSeconds)
            {
                samples.Add(new FootageSample(t, Embeddings[i]));
            }

            time = end;
        }

        return new FootageIndex(Source, ModelId, time, shots, samples);
    }
}
