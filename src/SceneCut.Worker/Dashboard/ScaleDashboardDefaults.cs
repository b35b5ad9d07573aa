namespace SceneCut.Worker.Dashboard;

/// <summary>Defaults of <see cref="ScaleDashboardOptions"/>, in one place.</summary>
public static class ScaleDashboardDefaults
{
    /// <summary>Loopback only: the dashboard can requeue and delete jobs, so nothing off this machine reaches it unless configured.</summary>
    public const string Address = "127.0.0.1";

    /// <summary>The TCP port Kestrel listens on.</summary>
    public const int Port = 5380;

    /// <summary>The URL path the dashboard is served under.</summary>
    public const string Path = "/hangfire";

    /// <summary>Read-only: requeueing and deleting jobs from a browser is something an operator turns on.</summary>
    public const bool ReadOnly = true;

    /// <summary>The realm a browser shows when it asks for the dashboard's credentials.</summary>
    public const string Realm = "SceneCut";
}
