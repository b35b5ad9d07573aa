using SceneCut.Scale.Options;
using SceneCut.Worker.Dashboard;
using SceneCut.Testing;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Dashboard;

public sealed class ScaleDashboardOptionsRulesValidatorTests
{
    private static readonly ScaleDashboardOptionsRulesValidator Hangfire = new(ScaleMode.Hangfire);

    [Fact]
    public void Ctor_Ok()
    {
        var options = new ScaleDashboardOptions();

        Assert.False(options.Enabled);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal(5380, options.Port);
        Assert.Equal("/hangfire", options.Path);
        Assert.Null(options.Username);
        Assert.Null(options.Password);
        Assert.Null(options.CertificatePath);
        Assert.Null(options.CertificatePassword);
        Assert.False(options.AllowPlainHttp);
        Assert.True(options.ReadOnly);
        Assert.True(Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true }).Succeeded);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Validate_LoopbackWithoutCredentials_Succeeds(string address) =>
        Assert.True(Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true, Address = address }).Succeeded);

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public void Validate_NonLoopbackWithoutCredentials_FailsNamingTheSettings(string address)
    {
        var result = Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true, Address = address });

        Assert.True(result.Failed);
        Assert.Contains("Scale:Dashboard:Address", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scale:Dashboard:Password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonLoopbackWithCredentialsOverPlainHttp_FailsNamingTheCertificate()
    {
        var result = Hangfire.Validate(null, new ScaleDashboardOptions
        {
            Enabled = true, Address = "0.0.0.0", Username = "ops", Password = "correct horse battery",
        });

        Assert.True(result.Failed);
        Assert.Contains("over plain HTTP the Basic password travels readable", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scale:Dashboard:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonLoopbackWithCredentialsAndPlainHttpAllowed_Succeeds() =>
        Assert.True(Hangfire.Validate(null, new ScaleDashboardOptions
        {
            Enabled = true, Address = "0.0.0.0", Username = "ops", Password = "correct horse battery", AllowPlainHttp = true,
        }).Succeeded);

    [Fact]
    public void Validate_NonLoopbackWithCredentialsAndCertificate_Succeeds()
    {
        using var folder = new TempFolder();
        var (path, _) = TestCertificates.WritePkcs12(folder.Path, "pfx password");

        Assert.True(Hangfire.Validate(null, new ScaleDashboardOptions
        {
            Enabled = true, Address = "0.0.0.0", Username = "ops", Password = "correct horse battery", CertificatePath = path, CertificatePassword = "pfx password",
        }).Succeeded);
    }

    [Fact]
    public void Validate_BadCertificates_FailNamingThePathAndTheCause()
    {
        using var folder = new TempFolder();
        var (pkcs12, _) = TestCertificates.WritePkcs12(folder.Path, "pfx password");
        var withoutKey = TestCertificates.WritePemWithoutKey(folder.Path);
        var missing = Path.Combine(folder.Path, "nope.pfx");

        string Failure(string path, string? password = null) =>
            Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true, CertificatePath = path, CertificatePassword = password }).FailureMessage ?? "";

        Assert.Equal($"Scale:Dashboard:CertificatePath {missing}: no such file", Failure(missing));
        Assert.StartsWith($"Scale:Dashboard:CertificatePath {pkcs12}: cannot be read as a certificate with its key", Failure(pkcs12, "wrong password"), StringComparison.Ordinal);
        Assert.StartsWith($"Scale:Dashboard:CertificatePath {withoutKey}: cannot be read as a certificate with its key", Failure(withoutKey), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DisabledNonLoopbackWithoutCredentials_Succeeds() =>
        Assert.True(Hangfire.Validate(null, new ScaleDashboardOptions { Address = "0.0.0.0" }).Succeeded);

    [Theory]
    [InlineData("ops", null, "go together")]
    [InlineData(null, "correct horse battery", "go together")]
    [InlineData("ops", "short", "at least 12")]
    public void Validate_IncompleteOrWeakCredentials_Fails(string? username, string? password, string expected)
    {
        var result = Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true, Username = username, Password = password });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotAnAddress_Fails()
    {
        var result = Hangfire.Validate(null, new ScaleDashboardOptions { Enabled = true, Address = "db.example" });

        Assert.True(result.Failed);
        Assert.Contains("not an IP address", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnabledInEmbeddedMode_FailsNamingTheMode()
    {
        var result = new ScaleDashboardOptionsRulesValidator(ScaleMode.Embedded).Validate(null, new ScaleDashboardOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("Scale:Mode=Hangfire", result.FailureMessage, StringComparison.Ordinal);
    }
}
