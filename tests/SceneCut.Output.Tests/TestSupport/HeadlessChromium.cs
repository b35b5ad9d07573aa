using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol: open a page, collect every console message,
/// uncaught exception, log entry (CSP violations land there) and dialog, evaluate script, take a screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<(string Method, JsonObject Params)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _receiver = Task.Run(ReceiveAsync);
    }

    /// <summary>Console errors, uncaught exceptions and error log entries seen so far, as text.</summary>
    public IReadOnlyList<string> Problems =>
        _events.Where(e => e.Method is "Runtime.exceptionThrown"
                || (e.Method == "Runtime.consoleAPICalled" && (string?)e.Params["type"] is "error" or "assert" or "warning")
                || (e.Method == "Log.entryAdded" && (string?)e.Params["entry"]?["level"] is "error" or "warning"))
            .Select(e => $"{e.Method}: {e.Params.ToJsonString()}")
            .ToList();

    /// <summary>JavaScript dialogs (alert, confirm, prompt) the page opened: any is code that ran.</summary>
    public IReadOnlyList<string> Dialogs =>
        _events.Where(e => e.Method == "Page.javascriptDialogOpening").Select(e => (string?)e.Params["message"] ?? "").ToList();

    /// <summary>Starts chromium with a fresh profile; fails the test when chromium is not installed.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        var executable = ExternalTool.Require("chromium");
        var profile = Path.Combine(Path.GetTempPath(), "scenecut-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
            "--remote-debugging-port=0", "--window-size=1280,900", "about:blank",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        // Drain its chatter so a full pipe never blocks it.
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // Chromium writes the port it picked and the browser's DevTools path here once it listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        string[] lines = [];
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                Assert.Fail($"chromium exited with {process.ExitCode} before listening; run .ci/deps to install it.");
            }

            if (File.Exists(portFile) && (lines = await File.ReadAllLinesAsync(portFile)).Length >= 2)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.True(lines.Length >= 2, $"chromium did not open its DevTools port within {StartTimeout}");
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
        return new HeadlessChromium(process, profile, socket);
    }

    /// <summary>Opens <paramref name="file"/> in a new tab, waits for its load event, and returns the page.</summary>
    public async Task<ChromiumPage> OpenAsync(string file)
    {
        var target = await CallAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await CallAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string?)target["targetId"], ["flatten"] = true });
        var session = (string)attached["sessionId"]!;
        foreach (var domain in (string[])["Runtime.enable", "Log.enable", "Page.enable"])
        {
            await CallAsync(domain, new JsonObject(), session);
        }

        var loadsBefore = _events.Count(e => e.Method == "Page.loadEventFired");
        await CallAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, session);
        var deadline = Stopwatch.StartNew();
        while (_events.Count(e => e.Method == "Page.loadEventFired") <= loadsBefore)
        {
            Assert.True(deadline.Elapsed < CallTimeout, $"{file} did not finish loading within {CallTimeout}");
            await Task.Delay(20);
        }

        return new ChromiumPage(this, session);
    }

    /// <summary>Sends one DevTools command and returns its result; a protocol error fails the test.</summary>
    internal async Task<JsonObject> CallAsync(string method, JsonObject parameters, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await reply.Task.WaitAsync(CallTimeout);
        Assert.True(answer["error"] is null, $"{method}: {answer["error"]?.ToJsonString()}");
        return answer["result"]?.AsObject() ?? [];
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove((int)id, out var reply))
                {
                    reply.TrySetResult(node);
                }
                else if ((string?)node["method"] is { } method)
                {
                    _events.Enqueue((method, node["params"]?.AsObject() ?? []));
                    if (method == "Page.javascriptDialogOpening" && (string?)node["sessionId"] is { } session)
                    {
                        // Dismiss it so the page goes on; the dialog itself is the finding.
                        var dismiss = new JsonObject
                        {
                            ["id"] = Interlocked.Increment(ref _nextId), ["sessionId"] = session,
                            ["method"] = "Page.handleJavaScriptDialog", ["params"] = new JsonObject { ["accept"] = false },
                        };
                        await _socket.SendAsync(Encoding.UTF8.GetBytes(dismiss.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The browser closed or we are shutting down.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone.
        }

        await _receiver.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child process; temp is cleaned eventually.
        }
    }
}
