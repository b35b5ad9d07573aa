using SceneCut.Pipeline;

namespace SceneCut.Cli.Console;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal so logs and pipes stay clean.</summary>
public sealed class ProgressBar : IProgress<PipelineProgress>, IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _error;
    private readonly string _label;
    private bool _drawn;

    public ProgressBar(string label, TextWriter error)
    {
        _label = label;
        _error = error;
    }

    /// <summary>A bar when stderr is a terminal, otherwise null (no progress output).</summary>
    public static ProgressBar? ForTerminal(string label) =>
        System.Console.IsErrorRedirected ? null : new ProgressBar(label, System.Console.Error);

    /// <inheritdoc />
    public void Report(PipelineProgress value)
    {
        var fraction = value.FramesExpected > 0 ? Math.Clamp((double)value.FramesDone / value.FramesExpected, 0, 1) : 0;
        var filled = (int)(fraction * BarWidth);
        var bar = new string('#', filled) + new string('-', BarWidth - filled);
        _error.Write($"\r{_label} [{bar}] {value.FramesDone} frames  {value.SecondsDone:0.0} s  {value.FramesPerSecond:0} fps ");
        _drawn = true;
    }

    /// <summary>Ends the bar's line.</summary>
    public void Dispose()
    {
        if (_drawn)
        {
            _error.WriteLine();
        }
    }
}
