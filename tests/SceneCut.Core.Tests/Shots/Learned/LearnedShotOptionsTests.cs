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
        Assert.Equal(LearnedShotMode.Off, options.Mode);
        Assert.Equal("models/shot-model.scm", options.ModelPath);
        Assert.Equal(0.5, options.CutThreshold);
        Assert.Equal(0.5, options.GradualThreshold);
        Assert.Equal(128, options.WindowFrames);
        Assert.Equal(64, options.HopFrames);
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
