using System.ComponentModel.DataAnnotations;
using SceneCut.Shots;

namespace SceneCut.Tests.Shots;

public sealed class ShotDetectionOptionsTests
{
    [Fact]
    public void Ctor_Ok_PinsEveryDefault()
    {
        var options = new ShotDetectionOptions();

        Assert.Equal(64, options.AnalysisWidth);
        Assert.Equal(16, options.HistogramBins);
        Assert.Equal(4.0, options.CutRatio);
        Assert.Equal(0.08, options.MinCutScore);
        Assert.Equal(0.5, options.CutWindowSeconds);
        Assert.Equal(2, options.FlashFrames);
        Assert.Equal(0.5, options.FlashSimilarity);
        Assert.Equal(0.75, options.RelitCorrelation);
        Assert.Equal(0.1, options.BlackPixelThreshold);
        Assert.Equal(0.02, options.BlackMaxBrightFraction);
        Assert.Equal(3, options.MinGradualFrames);
        Assert.Equal(3.0, options.MaxGradualSeconds);
        Assert.Equal(0.0015, options.MinStepChange);
        Assert.Equal(3.0, options.StepNoiseMultiplier);
        Assert.Equal(0.05, options.MinGradualChange);
        Assert.Equal(0.2, options.MaxBlendResidual);
        Assert.Equal(0.85, options.MaxDissolveEndCorrelation);
        Assert.Equal(1.0, options.MaxFadeThroughBlackPauseSeconds);
        options.Validate();
    }

    [Fact]
    public void Validate_BadValues_ListsEveryBadField()
    {
        var options = new ShotDetectionOptions { AnalysisWidth = 2, CutRatio = 0.5 };

        var ex = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains(nameof(ShotDetectionOptions.AnalysisWidth), ex.Message);
        Assert.Contains(nameof(ShotDetectionOptions.CutRatio), ex.Message);
    }

    [Fact]
    public void AppSettings_MatchesTheDefaults()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "appsettings.json");
        var shots = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["SceneCut"]!["Shots"]!.AsObject();
        var defaults = new ShotDetectionOptions();

        foreach (var (name, value) in shots)
        {
            // Sections (Learned) have their own test.
            if (value is System.Text.Json.Nodes.JsonObject)
            {
                continue;
            }

            var property = typeof(ShotDetectionOptions).GetProperty(name);
            Assert.True(property is not null, $"appsettings.json has unknown setting SceneCut:Shots:{name}");
            Assert.Equal(Convert.ToDouble(property.GetValue(defaults)), value!.GetValue<double>(), 9);
        }
    }
}
