using Microsoft.ML.OnnxRuntime;
using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Onnx;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Onnx;

/// <summary>Exported graphs run in ONNX Runtime and agree with our forward pass to 1e-4 on random inputs.</summary>
public sealed class OnnxExportTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<CellType, int, bool> Cases()
    {
        var data = new TheoryData<CellType, int, bool>();
        foreach (CellType cell in Enum.GetValues<CellType>())
        {
            data.Add(cell, 1, false);
            data.Add(cell, 2, true);
            data.Add(cell, 3, false);
        }

        return data;
    }

    private static Dictionary<string, float[]> Run(byte[] model, float[] input, int[] lengths, int batch, int steps, int inputSize)
    {
        using var session = new InferenceSession(model);
        using OrtValue x = OrtValue.CreateTensorValueFromMemory(input, [batch, steps, inputSize]);
        using OrtValue lens = OrtValue.CreateTensorValueFromMemory(lengths, [batch]);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions,
            [OnnxExporter.InputName, OnnxExporter.LengthsName], [x, lens], session.OutputNames);
        var outputs = new Dictionary<string, float[]>();
        for (int i = 0; i < session.OutputNames.Count; i++)
        {
            outputs[session.OutputNames[i]] = results[i].GetTensorDataAsSpan<float>().ToArray();
        }

        return outputs;
    }

    private static void AssertClose(string what, float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        Assert.True(worst <= Tolerance, $"{what}: max |ours − ONNX Runtime| = {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stack_MatchesOnnxRuntime_WithVariableLengths(CellType cell, int layers, bool bidirectional)
    {
        const int batch = 4, steps = 7, inputSize = 5, hidden = 6;
        var stack = new RecurrentStack(new RecurrentOptions
        {
            Cell = cell, InputSize = inputSize, HiddenSize = hidden, Layers = layers, Bidirectional = bidirectional, Seed = 13,
        });
        var random = new Random(17);
        // Larger weights than the default init so the nonlinearities leave their linear range.
        foreach (Parameter p in stack.Parameters)
        {
            p.InitUniform(random, 0.7f);
        }

        float[] x = FiniteDifference.Random(random, batch * steps * inputSize, 2f);
        int[] lengths = [7, 3, 5, 1];
        RecurrentOutput ours = stack.Forward(x, batch, steps, lengths);
        using var stream = new MemoryStream();
        OnnxExporter.Export(stack, stream);
        Dictionary<string, float[]> onnx = Run(stream.ToArray(), x, lengths, batch, steps, inputSize);

        AssertClose("output", ours.Output, onnx[OnnxExporter.OutputName]);
        AssertClose("final_h", ours.FinalState.H, onnx[OnnxExporter.FinalHName]);
        if (cell == CellType.Lstm)
        {
            AssertClose("final_c", ours.FinalState.C, onnx[OnnxExporter.FinalCName]);
        }
    }

    [Theory]
    [InlineData(OutputKind.Binary)]
    [InlineData(OutputKind.Classes)]
    [InlineData(OutputKind.Regression)]
    public void ManyToMany_WithHead_MatchesOnnxRuntime(OutputKind output)
    {
        const int batch = 3, steps = 6, inputSize = 4;
        var model = new ManyToManyModel(new SequenceModelOptions
        {
            Cell = CellType.Gru, InputSize = inputSize, HiddenSize = 5, Layers = 2, Bidirectional = true,
            OutputSize = output == OutputKind.Binary ? 1 : 3, Output = output, Seed = 2,
        });
        var random = new Random(3);
        var sequences = new[] { 6, 2, 4 }
            .Select(n => Enumerable.Range(0, n).Select(_ => FiniteDifference.Random(random, inputSize, 2f)).ToArray())
            .ToArray();
        float[][][] ours = model.PredictBatch(sequences);

        var input = new float[batch * steps * inputSize];
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < sequences[b].Length; t++)
            {
                sequences[b][t].CopyTo(input, (b * steps + t) * inputSize);
            }
        }

        using var stream = new MemoryStream();
        OnnxExporter.Export(model, stream);
        float[] scores = Run(stream.ToArray(), input, [6, 2, 4], batch, steps, inputSize)[OnnxExporter.ScoresName];
        int width = model.Options.OutputSize;
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < sequences[b].Length; t++)
            {
                AssertClose($"scores[{b},{t}]", ours[b][t], scores.AsSpan((b * steps + t) * width, width).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    public void Ensemble_MeanInsideTheGraph_MatchesOnnxRuntime(CellType cell)
    {
        const int batch = 3, steps = 6, inputSize = 4;
        // Members of different sizes and seeds: each keeps its own weights under its own prefix.
        SequenceTagger[] members = [.. new[] { (5, 1), (4, 2), (6, 3) }.Select(m => new SequenceTagger(new SequenceTaggerOptions
        {
            FeatureSize = inputSize, Cell = cell, HiddenSize = m.Item1, Layers = 2, Seed = m.Item2,
        }))];
        var random = new Random(9);
        foreach (Parameter p in members.SelectMany(m => m.Model.Parameters))
        {
            p.InitUniform(random, 0.7f);
        }

        var ensemble = new SequenceTaggerEnsemble(members);
        var sequences = new[] { 6, 2, 4 }
            .Select(n => Enumerable.Range(0, n).Select(_ => FiniteDifference.Random(random, inputSize, 2f)).ToArray())
            .ToArray();
        var input = new float[batch * steps * inputSize];
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < sequences[b].Length; t++)
            {
                sequences[b][t].CopyTo(input, (b * steps + t) * inputSize);
            }
        }

        using var stream = new MemoryStream();
        ensemble.ExportOnnx(stream);
        Dictionary<string, float[]> outputs = Run(stream.ToArray(), input, [6, 2, 4], batch, steps, inputSize);

        Assert.Equal([OnnxExporter.ScoresName], outputs.Keys);
        for (int b = 0; b < batch; b++)
        {
            float[] ours = ensemble.Predict(sequences[b]);
            AssertClose($"scores[{b}]", ours, outputs[OnnxExporter.ScoresName].AsSpan(b * steps, ours.Length).ToArray());
        }
    }
}
