using SceneCut.Scenes.Training.Labels;

namespace SceneCut.Tests.Scenes.Training.Labels;

public sealed class LabelFileReaderTests
{
    private static double[] Seconds(IEnumerable<LabelTime> times, double fps) => times.Select(t => Math.Round(t.ToSeconds(fps), 6)).ToArray();

    [Fact]
    public void Read_Json_TruthFormatFramesBecomeSecondsAndVideoResolvesBesideTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.File("show.truth.json");
        File.WriteAllText(file, """{ "video": "clips/show.mp4", "fps": 25, "frame_count": 1000, "scene_starts": [0, 250, 600], "not_scene_boundaries": [100] }""");

        var video = Assert.Single(LabelFileReader.Read(file));

        Assert.Equal(Path.Combine(folder.Path, "clips", "show.mp4"), video.VideoPath);
        Assert.Equal([0.0, 10.0, 24.0], Seconds(video.SceneStarts, 25));
        Assert.Equal([4.0], Seconds(video.NotSceneBoundaries, 25));
    }

    [Fact]
    public void Read_Csv_SecondsTimecodesKindsAndSeveralVideos()
    {
        using var folder = new TempFolder();
        var file = folder.File("breaks.csv");
        File.WriteAllLines(file, ["video,time,kind", "# a comment", "a.mp4,12.5", "a.mp4,00:01:00:12,scene", "b.mkv, 3 ", "a.mp4,30,not-scene"]);

        var videos = LabelFileReader.Read(file);

        Assert.Equal(2, videos.Count);
        Assert.Equal(Path.Combine(folder.Path, "a.mp4"), videos[0].VideoPath);
        Assert.Equal([12.5, 60.5], Seconds(videos[0].SceneStarts, 24));
        Assert.Equal([30.0], Seconds(videos[0].NotSceneBoundaries, 24));
        Assert.Equal([3.0], Seconds(videos[1].SceneStarts, 24));
    }

    [Theory]
    [InlineData("a.mp4", "bad.csv:1: expected video,time[,kind]")]
    [InlineData("a.mp4,soon", "'soon' is neither seconds")]
    [InlineData("a.mp4,-2", "'-2' is neither seconds")]
    [InlineData("a.mp4,2,maybe", "kind is 'scene' or 'not-scene'")]
    public void Read_CsvBadRow_NamesFileLineAndProblem(string row, string message)
    {
        using var folder = new TempFolder();
        var file = folder.File("bad.csv");
        File.WriteAllLines(file, [row]);

        var error = Assert.Throws<InvalidDataException>(() => LabelFileReader.Read(file));

        Assert.Contains("bad.csv", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Read_Edl_RecordInsAfterTheFirstCountFromTheProgrammeStart()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("film.mp4"), []);
        var file = folder.File("film.edl");
        File.WriteAllLines(file,
        [
            "TITLE: film",
            "FCM: NON-DROP FRAME",
            "",
            "001  AX       V     C        00:00:00:00 00:00:10:00 01:00:00:00 01:00:10:00",
            "* FROM CLIP NAME: film.mp4",
            "002  AX       V     C        00:00:10:00 00:00:25:12 01:00:10:00 01:00:25:12",
            "003  AX       V     D    025 00:00:25:12 00:01:00:00 01:00:25:12 01:01:00:00",
        ]);

        var video = Assert.Single(LabelFileReader.Read(file));

        Assert.Equal(folder.File("film.mp4"), video.VideoPath);
        Assert.Equal([10.0, 25.5], Seconds(video.SceneStarts, 24));
    }

    [Fact]
    public void Read_EdlDropFrame_CountsDropFrameLabels()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("news.mov"), []);
        var file = folder.File("news.edl");
        File.WriteAllLines(file,
        [
            "FCM: DROP FRAME",
            "001  AX       V     C        00:00:00;00 00:01:00;02 00:00:00;00 00:01:00;02",
            "002  AX       V     C        00:01:00;02 00:02:00;00 00:01:00;02 00:02:00;00",
        ]);

        var start = Assert.Single(Assert.Single(LabelFileReader.Read(file)).SceneStarts);

        // 00:01:00;02 is frame 1800 in drop-frame at 29.97 (labels ;00 and ;01 of minute 1 do not exist).
        Assert.Equal(1800 / (30000 / 1001.0), start.ToSeconds(30000 / 1001.0), 9);
    }

    [Fact]
    public void Read_EdlWithoutVideoBesideIt_SaysSo()
    {
        using var folder = new TempFolder();
        var file = folder.File("lonely.edl");
        File.WriteAllLines(file, ["001  AX       V     C        00:00:00:00 00:00:10:00 00:00:00:00 00:00:10:00"]);

        var error = Assert.Throws<InvalidDataException>(() => LabelFileReader.Read(file));

        Assert.Contains("no video with the same name beside it", error.Message);
    }

    [Fact]
    public void Read_Folder_ReadsEveryLabelFileInOrder()
    {
        using var folder = new TempFolder();
        File.WriteAllLines(folder.File("b.csv"), ["b.mp4,1"]);
        File.WriteAllLines(folder.File("a.csv"), ["a.mp4,2"]);
        File.WriteAllText(folder.File("notes.txt"), "not labels");

        var videos = LabelFileReader.Read(folder.Path);

        Assert.Equal(["a.mp4", "b.mp4"], videos.Select(v => Path.GetFileName(v.VideoPath)));
    }

    [Fact]
    public void Read_Missing_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => LabelFileReader.Read("/nonexistent/labels.csv"));
    }
}
