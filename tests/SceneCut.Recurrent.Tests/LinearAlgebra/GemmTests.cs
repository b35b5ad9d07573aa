using SceneCut.Recurrent.LinearAlgebra;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.LinearAlgebra;

public sealed class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(4, 16, 16)]
    [InlineData(9, 300, 37)]
    [InlineData(70, 260, 530)]
    public void Multiply_AllForms_MatchNaiveProduct(int m, int k, int n)
    {
        var random = new Random(m * 1000 + k * 10 + n);
        float[] a = FiniteDifference.Random(random, m * k), b = FiniteDifference.Random(random, k * n);
        float[] c0 = FiniteDifference.Random(random, m * n);
        var expected = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = c0[i * n + j];
                for (int p = 0; p < k; p++)
                {
                    s += (double)a[i * k + p] * b[p * n + j];
                }

                expected[i * n + j] = s;
            }
        }

        var nn = (float[])c0.Clone();
        Gemm.Multiply(a, b, nn, m, k, n, accumulate: true, parallel: true);
        var at = new float[k * m];
        Gemm.Transpose(a, m, k, at);
        var tn = (float[])c0.Clone();
        Gemm.MultiplyTransposedA(at, b, tn, m, k, n, accumulate: true);
        var bt = new float[n * k];
        Gemm.Transpose(b, k, n, bt);
        var nt = (float[])c0.Clone();
        Gemm.MultiplyTransposedB(a, bt, nt, m, k, n, accumulate: true);
        for (int i = 0; i < m * n; i++)
        {
            double tolerance = 1e-5 * k + 1e-5;
            Assert.True(Math.Abs(nn[i] - expected[i]) < tolerance, $"NN at {i}");
            Assert.True(Math.Abs(tn[i] - expected[i]) < tolerance, $"TN at {i}");
            Assert.True(Math.Abs(nt[i] - expected[i]) < tolerance, $"NT at {i}");
        }
    }

    [Fact]
    public void Multiply_WithoutAccumulate_OverwritesC()
    {
        float[] a = [1, 2], b = [3, 4];
        float[] c = [100];
        Gemm.Multiply(a, b, c, 1, 2, 1, accumulate: false);
        Assert.Equal(11f, c[0]);
    }

    [Theory]
    [InlineData(1, 8, 16)]
    [InlineData(7, 33, 48)]
    [InlineData(16, 128, 512)]
    public void MultiplyAddPacked_MatchesUnpackedProduct(int m, int k, int n)
    {
        var random = new Random(m + k + n);
        float[] a = FiniteDifference.Random(random, m * k), b = FiniteDifference.Random(random, k * n);
        float[] c = FiniteDifference.Random(random, m * n);
        var expected = (float[])c.Clone();
        Gemm.Multiply(a, b, expected, m, k, n, accumulate: true);
        var packed = new PackedMatrix(k, n);
        packed.Pack(b);
        Gemm.MultiplyAddPacked(a, packed, c, m);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i], c[i], 4);
        }
    }

    [Fact]
    public void PackedMatrix_ColumnsNotMultipleOf16_IsRefused()
    {
        Assert.False(PackedMatrix.CanPack(20));
        Assert.Throws<ArgumentException>(() => new PackedMatrix(4, 20));
    }
}
