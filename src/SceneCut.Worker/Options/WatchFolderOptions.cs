using System.ComponentModel.DataAnnotations;

namespace SceneCut.Worker.Options;

/// <summary>One watched folder (<c>Worker:Folders:n</c>).</summary>
public sealed class WatchFolderOptions
{
    /// <summary>The folder. Required. A folder that is missing (share not mounted) is retried at every rescan.</summary>
    [Required]
    [MinLength(1)]
    public string Path { get; set; } = "";

    /// <summary>Glob patterns of files to take, relative to <see cref="Path"/>. Default: common video containers.</summary>
    public string[] Include { get; set; } = [];

    /// <summary>Glob patterns never taken. Default: hidden files and partial-download names.</summary>
    public string[]? Exclude { get; set; }

    /// <summary>Watch sub-folders too. Default: true.</summary>
    public bool Recursive { get; set; } = true;
}
