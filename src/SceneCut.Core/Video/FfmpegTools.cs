namespace SceneCut.Video;

/// <summary>A working pair of FFmpeg programs and the features of their version that the frame source relies on.</summary>
/// <param name="FfmpegPath">Full path of <c>ffmpeg</c>.</param>
/// <param name="FfprobePath">Full path of <c>ffprobe</c>.</param>
/// <param name="Version">Version string as printed by <c>ffmpeg -version</c>, e.g. <c>5.1.9-0+deb12u1</c>.</param>
/// <param name="HasFpsMode"><c>-fps_mode</c> exists (FFmpeg 5.1+); older builds need the equivalent <c>-vsync passthrough</c>.</param>
/// <param name="HasShowInfoChecksumOption"><c>showinfo=checksum=0</c> exists; without it showinfo hashes every pixel of every frame.</param>
/// <param name="HasUnixSocketOutput">The <c>unix:</c> output protocol exists (not in Windows builds); else samples go over loopback TCP.</param>
public sealed record FfmpegTools(string FfmpegPath, string FfprobePath, string Version, bool HasFpsMode, bool HasShowInfoChecksumOption, bool HasUnixSocketOutput);
