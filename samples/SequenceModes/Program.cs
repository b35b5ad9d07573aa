using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Training;

// Trains each of the five sequence modes on a small task and prints what it learned. Seeds are fixed: the
// output is the same on every run.
var random = new Random(42);
float[] OneHot(int index, int size)
{
    var v = new float[size];
    v[index] = 1f;
    return v;
}

int ArgMax(float[] v) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax(v);

// 1. One-to-one: XOR of two bits.
{
    var model = SequenceModel.Create(new SequenceModelOptions
    {
        Mode = SequenceMode.OneToOne, Cell = CellType.Gru, InputSize = 2, HiddenSize = 8, OutputSize = 1,
        Output = OutputKind.Binary,
    });
    SequenceExample[] data = [new([[0, 0]], [[0]]), new([[0, 1]], [[1]]), new([[1, 0]], [[1]]), new([[1, 1]], [[0]])];
    new Trainer(new TrainerOptions { Epochs = 400, BatchSize = 4, LearningRate = 0.05f }).Fit(model, data);
    Console.WriteLine("one-to-one (XOR):");
    foreach (SequenceExample e in data)
    {
        Console.WriteLine($"  {e.Inputs[0][0]} xor {e.Inputs[0][1]} → p = {model.Predict(e.Inputs)[0][0]:F3}");
    }
}

// 2. Many-to-one: does a bit sequence hold more ones than zeros?
{
    List<SequenceExample> Make(int n) => Enumerable.Range(0, n).Select(_ =>
    {
        int length = 5 + 2 * random.Next(4);
        float[][] bits = Enumerable.Range(0, length).Select(_ => new[] { (float)random.Next(2) }).ToArray();
        return new SequenceExample(bits, [[bits.Sum(b => b[0]) * 2 > length ? 1f : 0f]]);
    }).ToList();
    List<SequenceExample> train = Make(800), test = Make(200);
    var model = SequenceModel.Create(new SequenceModelOptions
    {
        Mode = SequenceMode.ManyToOne, Cell = CellType.Lstm, InputSize = 1, HiddenSize = 16, OutputSize = 1,
        Output = OutputKind.Binary,
    });
    new Trainer(new TrainerOptions { Epochs = 15, LearningRate = 0.01f }).Fit(model, train);
    double accuracy = test.Average(e => (model.Predict(e.Inputs)[0][0] >= 0.5f ? 1f : 0f) == e.Targets[0][0] ? 1.0 : 0.0);
    Console.WriteLine($"many-to-one (majority of bits): held-out accuracy {accuracy:P1}");
    SequenceExample sample = test[0];
    Console.WriteLine($"  {string.Concat(sample.Inputs.Select(b => b[0]))} → p(majority ones) = {model.Predict(sample.Inputs)[0][0]:F3}");
}

// 3. Many-to-many: flag the first step of each new run of categories (a toy "scene boundary").
{
    List<SequenceExample> Make(int n) => Enumerable.Range(0, n).Select(_ =>
    {
        int current = random.Next(4);
        var inputs = new float[30][];
        var labels = new float[30];
        for (int t = 0; t < 30; t++)
        {
            bool change = t > 0 && random.NextDouble() < 0.2;
            current = change ? (current + 1 + random.Next(3)) % 4 : current;
            inputs[t] = OneHot(current, 4);
            labels[t] = change ? 1f : 0f;
        }

        return new SequenceExample(inputs, labels.Select(l => new[] { l }).ToArray());
    }).ToList();
    List<SequenceExample> train = Make(300), test = Make(50);
    var tagger = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = 4, HiddenSize = 16, PositiveWeight = 4f });
    tagger.Train(train.Select(e => e.Inputs).ToList(), train.Select(e => e.Targets.Select(t => t[0]).ToArray()).ToList(),
        new TrainerOptions { Epochs = 12, LearningRate = 0.01f });
    SequenceExample sample = test[0];
    float[] p = tagger.Predict(sample.Inputs);
    Console.WriteLine("many-to-many (run boundaries), one held-out sequence:");
    Console.WriteLine($"  categories {string.Concat(sample.Inputs.Select(v => ArgMax(v)))}");
    Console.WriteLine($"  truth      {string.Concat(sample.Targets.Select(t => t[0] == 1 ? '|' : '.'))}");
    Console.WriteLine($"  predicted  {string.Concat(p.Select(v => v >= 0.5f ? '|' : '.'))}");
}

// 4. One-to-many: a digit d generates d, d−1, …, 0 and then an end token.
{
    const int digits = 6;
    var data = Enumerable.Range(0, digits).Select(d => new SequenceExample(
        [OneHot(d, digits)], Enumerable.Range(0, d + 1).Select(k => OneHot(d - k, digits + 1)).ToArray())).ToList();
    var model = SequenceModel.Create(new SequenceModelOptions
    {
        Mode = SequenceMode.OneToMany, Cell = CellType.Gru, InputSize = digits, HiddenSize = 24, OutputSize = digits + 1,
        Output = OutputKind.Classes, EndToken = digits, MaxOutputLength = 12,
    });
    new Trainer(new TrainerOptions { Epochs = 300, BatchSize = 6, LearningRate = 0.02f }).Fit(model, data);
    Console.WriteLine("one-to-many (count down to an end token):");
    for (int d = 0; d < digits; d++)
    {
        Console.WriteLine($"  {d} → {string.Join(" ", model.Predict([OneHot(d, digits)]).Select(ArgMax))}");
    }
}

// 5. Seq2seq: reverse token sequences of length 3–6.
{
    const int vocabulary = 6;
    List<SequenceExample> Make(int n) => Enumerable.Range(0, n).Select(_ =>
    {
        int[] tokens = Enumerable.Range(0, random.Next(3, 7)).Select(_ => random.Next(vocabulary)).ToArray();
        return new SequenceExample(tokens.Select(t => OneHot(t, vocabulary)).ToArray(),
            tokens.Reverse().Select(t => OneHot(t, vocabulary + 1)).ToArray());
    }).ToList();
    List<SequenceExample> train = Make(3000), test = Make(200);
    var model = SequenceModel.Create(new SequenceModelOptions
    {
        Mode = SequenceMode.SequenceToSequence, Cell = CellType.Lstm, InputSize = vocabulary, HiddenSize = 64,
        OutputSize = vocabulary + 1, Output = OutputKind.Classes, EndToken = vocabulary, MaxOutputLength = 10,
    });
    new Trainer(new TrainerOptions { Epochs = 12, BatchSize = 32, LearningRate = 0.01f, Schedule = new WarmupCosineSchedule(50) })
        .Fit(model, train);
    double exact = test.Average(e => model.Predict(e.Inputs).Select(ArgMax).SequenceEqual(e.Targets.Select(ArgMax)) ? 1.0 : 0.0);
    Console.WriteLine($"seq2seq (reverse): held-out exact match {exact:P1}");
    foreach (SequenceExample e in test.Take(3))
    {
        Console.WriteLine($"  {string.Join(" ", e.Inputs.Select(ArgMax))} → {string.Join(" ", model.Predict(e.Inputs).Select(ArgMax))}");
    }
}
