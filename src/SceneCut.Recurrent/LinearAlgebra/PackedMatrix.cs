namespace SceneCut.Recurrent.LinearAlgebra;

/// <summary>
/// A right-hand matrix B (K, N) rearranged for repeated small products A (M, K) · B, as the recurrent weights are
/// at every time step: 16-column strips, each stored K-major and contiguous, so the micro-kernel streams one
/// cache line per k instead of striding across rows of B. Only for N a multiple of 16.
/// </summary>
internal sealed class PackedMatrix
{
    public const int StripWidth = 16;

    public PackedMatrix(int rows, int columns)
    {
        if (columns % StripWidth != 0)
        {
            throw new ArgumentException($"Packed matrices need a multiple of {StripWidth} columns (got {columns}).");
        }

        Rows = rows;
        Columns = columns;
        Values = new float[rows * columns];
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>// (N/16, K, 16)</summary>
    public float[] Values { get; }

    public static bool CanPack(int columns) => columns % StripWidth == 0;

    /// <summary>Packs b (K, N) row-major.</summary>
    public void Pack(ReadOnlySpan<float> b)
    {
        int strips = Columns / StripWidth;
        for (int s = 0; s < strips; s++)
        {
            for (int k = 0; k < Rows; k++)
            {
                b.Slice(k * Columns + s * StripWidth, StripWidth).CopyTo(Values.AsSpan((s * Rows + k) * StripWidth, StripWidth));
            }
        }
    }
}
