using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests;

public sealed class OutputOptionsTests
{
    [Fact]
    public void Ctor_Ok()
    {
        var options = new OutputOptions();

        Assert.Empty(options.Formats);
        Assert.Equal(["json"], options.EffectiveFormats);
        Assert.Equal("00:00:00:00", options.EdlStartTimecode);
        Assert.Null(options.EdlFrameRate);
        Assert.Null(options.EdlDropFrame);
        Assert.Equal("https://ads.example.com/vast?slot={index}&pos={milliseconds}&video={video}", options.VastTagTemplate);
        Assert.Equal("vast3", options.VastTemplateType);
        Assert.Equal(160, options.ThumbnailWidth);
        Assert.Equal(400, options.MaxThumbnails);
        Assert.Equal(8, options.ThumbnailsPerScene);
        Assert.Equal(70, options.JpegQuality);
        Assert.Equal(30, options.AdBreakSeconds);
        Assert.Null(options.HlsPlaylist);
        options.Validate();
    }

    [Fact]
    public void RepositoryAppSettings_BindToTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(SharedData.RepositoryRoot, "appsettings.json")).Build();
        var options = new OutputOptions();

        configuration.GetSection(OutputOptions.SectionName).Bind(options);

        var defaults = new OutputOptions();
        Assert.Equal(defaults.EffectiveFormats, options.EffectiveFormats);
        Assert.Equal(defaults.EdlStartTimecode, options.EdlStartTimecode);
        Assert.Null(options.EdlFrameRate);
        Assert.Null(options.EdlDropFrame);
        Assert.Equal(defaults.VastTagTemplate, options.VastTagTemplate);
        Assert.Equal(defaults.VastTemplateType, options.VastTemplateType);
        Assert.Equal(defaults.ThumbnailWidth, options.ThumbnailWidth);
        Assert.Equal(defaults.MaxThumbnails, options.MaxThumbnails);
        Assert.Equal(defaults.ThumbnailsPerScene, options.ThumbnailsPerScene);
        Assert.Equal(defaults.JpegQuality, options.JpegQuality);
        Assert.Equal(defaults.AdBreakSeconds, options.AdBreakSeconds);
        Assert.Equal(defaults.HlsPlaylist, options.HlsPlaylist);
        options.Validate();
    }

    [Fact]
    public void Validate_ListsEveryBadField()
    {
        var options = new OutputOptions
        {
            Formats = ["json", "pdf", "srt", "hls"],
            EdlStartTimecode = "1:00:00",
            EdlFrameRate = 25,
            EdlDropFrame = true,
            VastTagTemplate = "ftp://ads/{index}",
            ThumbnailWidth = 2,
            JpegQuality = 0,
            AdBreakSeconds = 0,
        };

        var error = Assert.Throws<ValidationException>(options.Validate).Message;

        foreach (var field in (string[])["'pdf'", "'srt'", "EdlStartTimecode", "EdlDropFrame", "VastTagTemplate", "ThumbnailWidth", "JpegQuality", "AdBreakSeconds", "HlsPlaylist"])
        {
            Assert.Contains(field, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EffectiveFormats_TrimmedLowerCasedDistinct()
    {
        var options = new OutputOptions { Formats = [" CSV", "csv", "Html", ""] };

        Assert.Equal(["csv", "html"], options.EffectiveFormats);
    }
}
