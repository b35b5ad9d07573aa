using System.CommandLine;
using SceneCut.Pipeline;
using SceneCut.Video;

namespace SceneCut.Cli.Commands;

/// <summary>The <c>--decoder auto|ffmpeg|opencv</c> option shared by the commands that decode; it overrides <c>SceneCut:Decoding:Decoder</c>.</summary>
public static class DecoderOption
{
    /// <summary>A new instance of the option (System.CommandLine options belong to one command each).</summary>
    public static Option<DecoderKind?> Create() => new("--decoder")
    {
        Description = "Frame source: auto (FFmpeg when installed, else OpenCV), ffmpeg or opencv. Default: SceneCut:Decoding:Decoder (auto).",
    };

    /// <summary>Applies the parsed value, when given, to <paramref name="options"/>.</summary>
    public static PipelineOptions Apply(ParseResult parse, Option<DecoderKind?> option, PipelineOptions options)
    {
        if (parse.GetValue(option) is { } decoder)
        {
            options.Decoding.Decoder = decoder;
        }

        return options;
    }
}
