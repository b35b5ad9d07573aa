namespace SceneCut.Worker.Dashboard;

/// <summary>
/// The dashboard's web server could not listen on its configured address (the port is taken, or the address is not
/// this machine's): the worker stops with a one-line reason instead of running without the dashboard it was told to serve.
/// </summary>
public sealed class DashboardUnavailableException(string address, int port, Exception cause)
    : Exception($"Hangfire dashboard cannot listen on {address}:{port} (Scale:Dashboard:Address, Scale:Dashboard:Port): {cause.Message}", cause)
{
    /// <summary>The configured address.</summary>
    public string Address { get; } = address;

    /// <summary>The configured port.</summary>
    public int Port { get; } = port;
}
