namespace SceneCut.Testing;

/// <summary>A fact about Linux itself (FIFOs, device files, stat's layout): skipped elsewhere, saying so.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only: checks FIFOs, device files and stat";
        }
    }
}
