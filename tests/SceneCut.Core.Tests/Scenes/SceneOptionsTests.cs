using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SceneCut.Scenes;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Scenes;

public sealed class SceneOptionsTests
{
    // appsettings.json is what users read and edit: it must say what the code does when the section is absent.
    [Fact]
    public void AppSettings_MatchesTheDefaults()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "appsettings.json");
        var scenes = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["SceneCut"]!["Scenes"]!.AsObject();
        var defaults = new SceneOptions();

        Assert.Equal(typeof(SceneOptions).GetProperties().Length, scenes.Count);
        foreach (var (name, value) in scenes)
        {
            var property = typeof(SceneOptions).GetProperty(name);
            Assert.True(property is not null, $"appsettings.json has unknown setting SceneCut:Scenes:{name}");
            var expected = property.GetValue(defaults);
            switch (expected)
            {
                case string text:
                    Assert.Equal(text, value!.GetValue<string>());
                    break;
                case bool flag:
                    Assert.Equal(flag, value!.GetValue<bool>());
                    break;
                default:
                    Assert.Equal(Convert.ToDouble(expected, CultureInfo.InvariantCulture), value!.GetValue<double>(), 9);
                    break;
            }
        }
    }

    [Fact]
    public void Validate_NegativeMinSceneSeconds_NamesTheField()
    {
        var ex = Assert.Throws<ValidationException>(() => new SceneOptions { MinSceneSeconds = -1 }.Validate());

        Assert.Contains("MinSceneSeconds", ex.Message);
    }
}
