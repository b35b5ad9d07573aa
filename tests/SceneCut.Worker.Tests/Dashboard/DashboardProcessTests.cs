using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using SceneCut.Worker.Tests.Scale;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Dashboard;

/// <summary>The worker process serving Hangfire's dashboard (Scale:Dashboard), on the test PostgreSQL.</summary>
[Collection("worker processes")]
public sealed class DashboardProcessTests
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task Enabled_OnLoopback_ServesTheDashboardWithoutCredentials()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var port = FreePort();
        using var worker = WorkerProcess.Start([.. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", $"--Scale:Dashboard:Port={port}"]);
        using var http = new HttpClient();

        var response = await FirstAnswerAsync(http, new Uri($"http://127.0.0.1:{port}/hangfire"), worker);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SceneCut jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Enabled_WithCredentials_RejectsRequestsWithoutThemAndServesRequestsWithThem()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var port = FreePort();
        using var worker = WorkerProcess.Start(
        [
            .. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", $"--Scale:Dashboard:Port={port}",
            "--Scale:Dashboard:Username=ops", $"--Scale:Dashboard:Password={Password}",
        ]);
        var page = new Uri($"http://127.0.0.1:{port}/hangfire");
        using var anonymous = new HttpClient();

        var unauthenticated = await FirstAnswerAsync(anonymous, page, worker);
        using var wrong = new HttpClient { DefaultRequestHeaders = { Authorization = Basic("ops", "wrong password!") } };
        var wrongPassword = await wrong.GetAsync(page);
        using var right = new HttpClient { DefaultRequestHeaders = { Authorization = Basic("ops", Password) } };
        var authenticated = await right.GetAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("Basic", unauthenticated.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Contains("SceneCut jobs", await authenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Enabled_OnAllInterfacesWithCredentialsAndCertificate_ServesHttpsWithThatCertificate()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var (certificate, thumbprint) = TestCertificates.WritePkcs12(setup.State, "pfx password");
        var port = FreePort();
        using var worker = WorkerProcess.Start(
        [
            .. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", "--Scale:Dashboard:Address=0.0.0.0", $"--Scale:Dashboard:Port={port}",
            "--Scale:Dashboard:Username=ops", $"--Scale:Dashboard:Password={Password}",
            $"--Scale:Dashboard:CertificatePath={certificate}", "--Scale:Dashboard:CertificatePassword=pfx password",
        ]);
        var page = new Uri($"https://127.0.0.1:{port}/hangfire");
        string? presented = null;
        // Trust exactly the certificate configured (self-signed), and note which one the server presented.
        HttpClientHandler Handler() => new()
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) =>
            {
                presented = served?.Thumbprint;
                return presented == thumbprint;
            },
        };
        using var anonymous = new HttpClient(Handler());

        var unauthenticated = await FirstAnswerAsync(anonymous, page, worker);
        using var right = new HttpClient(Handler()) { DefaultRequestHeaders = { Authorization = Basic("ops", Password) } };
        var authenticated = await right.GetAsync(page);
        using var plain = new HttpClient();
        var plainAnswer = await Record.ExceptionAsync(() => plain.GetAsync(new Uri($"http://127.0.0.1:{port}/hangfire")));

        Assert.Equal(thumbprint, presented);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Contains("SceneCut jobs", await authenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No plain-HTTP answer on that port: the password never travels readable.
        Assert.IsType<HttpRequestException>(plainAnswer);
    }

    // No database needed: settings are checked before the worker waits for one.
    [Theory]
    [InlineData(false, "Scale:Dashboard:Address 0.0.0.0 is not a loopback address: anyone on the network could requeue or delete jobs")]
    [InlineData(true, "Scale:Dashboard:Address 0.0.0.0 is not a loopback address: over plain HTTP the Basic password travels readable")]
    public async Task Enabled_OnAllInterfacesWithoutCredentialsOrHttps_WorkerExitsWithCode10AndSaysWhy(bool credentials, string expected)
    {
        using var setup = new WorkerSetup();
        var log = Path.Combine(setup.State, "worker.log");
        using var worker = WorkerProcess.Start(
        [
            .. setup.Args(), "--Scale:Mode=Hangfire", "--Scale:ConnectionString=Host=127.0.0.1;Port=1;Username=nobody;Database=none",
            "--Scale:Dashboard:Enabled=true", "--Scale:Dashboard:Address=0.0.0.0",
            .. credentials ? new[] { "--Scale:Dashboard:Username=ops", $"--Scale:Dashboard:Password={Password}" } : [],
        ], log);

        await worker.WaitForExitAsync(Patience);

        Assert.Equal(10, worker.ExitCode);
        var printed = await File.ReadAllTextAsync(log);
        Assert.Contains(expected, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach PostgreSQL", printed, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Enabled_ByDefault_IsReadOnly_RefusesADelete()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var port = FreePort();
        using var worker = WorkerProcess.Start([.. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", $"--Scale:Dashboard:Port={port}"]);
        using var http = new HttpClient();
        var page = await FirstAnswerAsync(http, new Uri($"http://127.0.0.1:{port}/hangfire/jobs/enqueued"), worker);
        var (header, token) = AntiforgeryOf(await page.Content.ReadAsStringAsync());

        using var delete = DeleteRequest(port, header, token);
        var response = await http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(token);
        Assert.False(response.IsSuccessStatusCode, $"a read-only dashboard answered {(int)response.StatusCode} to a delete");
    }

    [PostgresFact]
    public async Task Enabled_Writable_RefusesAPostWithoutAntiforgeryTokenAndTakesOneWithIt()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var port = FreePort();
        using var worker = WorkerProcess.Start(
            [.. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", $"--Scale:Dashboard:Port={port}", "--Scale:Dashboard:ReadOnly=false"]);
        // The browser's cookie jar: the token in the page pairs with the cookie set beside it.
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        var page = await FirstAnswerAsync(http, new Uri($"http://127.0.0.1:{port}/hangfire/jobs/enqueued"), worker);
        var (header, token) = AntiforgeryOf(await page.Content.ReadAsStringAsync());

        using var forged = DeleteRequest(port, header: null, token: null);
        var withoutToken = await http.SendAsync(forged);
        using var genuine = DeleteRequest(port, header, token);
        var withToken = await http.SendAsync(genuine);

        Assert.NotNull(token);
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.True(withToken.IsSuccessStatusCode, $"the dashboard's own delete answered {(int)withToken.StatusCode}");
    }

    [PostgresFact]
    public async Task Enabled_OnATakenPort_WorkerExitsWithCode4NamingThePortAndTheCause()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var log = Path.Combine(setup.State, "worker.log");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var worker = WorkerProcess.Start([.. ScaleOutTests.Args(setup, database, 0), "--Scale:Dashboard:Enabled=true", $"--Scale:Dashboard:Port={port}"], log);

        await worker.WaitForExitAsync(Patience);

        Assert.Equal(4, worker.ExitCode);
        // The host logs the failure with its stack first; the worker's own last word is one line with address and cause.
        var lastLine = (await File.ReadAllLinesAsync(log)).Last(line => line.Length > 0);
        Assert.StartsWith($"scenecut-worker: Hangfire dashboard cannot listen on 127.0.0.1:{port}", lastLine, StringComparison.Ordinal);
        Assert.Contains("address already in use", lastLine, StringComparison.OrdinalIgnoreCase);
    }

    // The worker starts Kestrel once the database answers: retry until it listens (or the worker died).
    private static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient http, Uri page, WorkerProcess worker)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Assert.False(worker.HasExited, "the worker exited");
            try
            {
                return await http.GetAsync(page);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    // The token Hangfire writes into its page for its own buttons (present only when antiforgery is on).
    private static (string? Header, string? Token) AntiforgeryOf(string html)
    {
        var header = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-header\" content=\"([^\"]+)\"");
        var token = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        return (header.Success ? header.Groups[1].Value : null, token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : null);
    }

    // What the "Delete selected" button of the enqueued-jobs page posts.
    private static HttpRequestMessage DeleteRequest(int port, string? header, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/hangfire/jobs/enqueued/delete"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "1")]),
        };
        if (header is not null && token is not null)
        {
            request.Headers.Add(header, token);
        }

        return request;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
