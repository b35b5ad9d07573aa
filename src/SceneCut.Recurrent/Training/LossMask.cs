namespace SceneCut.Recurrent.Training;

/// <summary>Reads the row masks losses take: empty means every row is real.</summary>
internal static class LossMask
{
    public static bool IsReal(ReadOnlySpan<float> mask, int row) => mask.IsEmpty || mask[row] != 0;

    public static int CountRows(ReadOnlySpan<float> mask, int rows)
    {
        if (mask.IsEmpty)
        {
            return rows;
        }

        int count = 0;
        for (int r = 0; r < rows; r++)
        {
            count += mask[r] != 0 ? 1 : 0;
        }

        return count;
    }
}
