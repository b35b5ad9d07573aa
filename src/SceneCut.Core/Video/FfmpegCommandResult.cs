namespace SceneCut.Video;

/// <summary>What a short FFmpeg program run (<c>-version</c>, <c>ffprobe</c>) printed and how it ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr (FFmpeg's own error text).</param>
internal sealed record FfmpegCommandResult(int ExitCode, string StandardOutput, string StandardError);
