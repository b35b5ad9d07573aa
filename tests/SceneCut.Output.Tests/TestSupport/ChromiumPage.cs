using System.Text.Json.Nodes;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>A loaded tab of <see cref="HeadlessChromium"/>.</summary>
public sealed class ChromiumPage
{
    private readonly HeadlessChromium _browser;
    private readonly string _session;

    internal ChromiumPage(HeadlessChromium browser, string session)
    {
        _browser = browser;
        _session = session;
    }

    /// <summary>The JSON value of <paramref name="expression"/>; a thrown exception fails the test.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await _browser.CallAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, _session);
        Assert.True(result["exceptionDetails"] is null, $"{expression}: {result["exceptionDetails"]?.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>A PNG of the whole page (up to <paramref name="maxHeight"/> pixels tall).</summary>
    public async Task<byte[]> ScreenshotAsync(int maxHeight = 4000)
    {
        var height = Math.Min(maxHeight, (int)(await EvaluateAsync("document.documentElement.scrollHeight"))!);
        var result = await _browser.CallAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = 1280, ["height"] = height, ["scale"] = 1 },
        }, _session);
        return Convert.FromBase64String((string)result["data"]!);
    }
}
