using System.ComponentModel.DataAnnotations;
using SceneCut.AdSlots;
using SceneCut.Pipeline;

namespace SceneCut.Tests.AdSlots;

public sealed class AdPolicyOptionsTests
{
    [Fact]
    public void Ctor_Ok_PinsEveryDefault()
    {
        var options = new AdPolicyOptions();

        Assert.Equal(300.0, options.MinGapSeconds);
        Assert.Equal(120.0, options.MarginSeconds);
        Assert.Equal(0.99, options.MinScore);
        Assert.Equal(8, options.MaxSlotsPerHour);
        Assert.Equal(2.0, options.FadePreferenceSeconds);
        Assert.Equal(8.0, options.QuietShotSeconds);
        Assert.Equal(1.25, options.SettledSeconds);
        options.Validate();
    }

    [Fact]
    public void Validate_BadValues_ListsEveryBadField()
    {
        var options = new AdPolicyOptions { MinScore = 1.5, MaxSlotsPerHour = 0, MarginSeconds = -1 };

        var ex = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains(nameof(AdPolicyOptions.MinScore), ex.Message);
        Assert.Contains(nameof(AdPolicyOptions.MaxSlotsPerHour), ex.Message);
        Assert.Contains(nameof(AdPolicyOptions.MarginSeconds), ex.Message);
    }

    [Fact]
    public void PipelineOptions_Validate_ChecksTheAdPolicy()
    {
        var options = new PipelineOptions { AdPolicy = new AdPolicyOptions { MinScore = 2 } };

        var ex = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains("SceneCut:AdPolicy", ex.Message);
    }

    [Fact]
    public void AppSettings_MatchesTheDefaults()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "appsettings.json");
        var policy = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["SceneCut"]!["AdPolicy"]!.AsObject();
        var defaults = new AdPolicyOptions();

        Assert.Equal(typeof(AdPolicyOptions).GetProperties().Length, policy.Count);
        foreach (var (name, value) in policy)
        {
            var property = typeof(AdPolicyOptions).GetProperty(name);
            Assert.True(property is not null, $"appsettings.json has unknown setting SceneCut:AdPolicy:{name}");
            Assert.Equal(Convert.ToDouble(property.GetValue(defaults)), value!.GetValue<double>(), 9);
        }
    }
}
