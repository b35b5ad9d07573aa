using System.ComponentModel.DataAnnotations;
using SceneCut.Shots;
using SceneCut.Shots.Learned;

namespace SceneCut.Tests.Shots.Learned;

public sealed class LearnedShotOptionsTests
{
    [Fact]
    public void Ctor_Ok_PinsEveryDefault()
    {
        var options = new LearnedShotOptions();
        Assert.Equal(LearnedShotMode.Add, options.Mode);
        Assert.Equal("models/shot-model.scm", options.ModelPath);
        Assert.Equal(0.95, options.CutThreshold);
        Assert.Equal(0.7, options.GradualThreshold);
        Assert.Equal(8, options.MinGradualFrames);
        Assert.Equal(0.95, options.MinGradualScore);
        Assert.Equal(128, options.WindowFrames);
        Assert.Equal(64, options.HopFrames);
    }

    [Fact]
    public void AppSettings_MatchesTheDefaults()
    {
        var path = Path.Combine(SceneCut.Testing.SharedData.RepositoryRoot, "appsettings.json");
        var learned = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["SceneCut"]!["Shots"]!["Learned"]!.AsObject();
        var defaults = new LearnedShotOptions();
        foreach (var (name, value) in learned)
        {
            var property = typeof(LearnedShotOptions).GetProperty(name);
            Assert.True(property is not null, $"appsettings.json has unknown setting SceneCut:Shots:Learned:{name}");
            Assert.Equal(property.GetValue(defaults)!.ToString(), value!.ToString());
        }
    }

    [Fact]
    public void Validate_HopLongerThanWindowAndBadThreshold_NamesBoth()
    {
        var shots = new ShotDetectionOptions();
        shots.Learned.HopFrames = 200;
        shots.Learned.CutThreshold = 1.5;
        var error = Assert.Throws<ValidationException>(shots.Validate);
        Assert.Contains("HopFrames", error.Message);
        Assert.Contains("CutThreshold", error.Message);
    }
}
