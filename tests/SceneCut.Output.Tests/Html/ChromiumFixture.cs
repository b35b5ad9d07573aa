using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Html;

/// <summary>One headless chromium for the report tests (starting one costs about a second).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private HeadlessChromium? _browser;

    /// <summary>The running browser.</summary>
    public HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("chromium is not started");

    public async Task InitializeAsync() => _browser = await HeadlessChromium.StartAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
