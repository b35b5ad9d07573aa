using System.Buffers;
using System.Runtime.Intrinsics;

namespace SceneCut.Recurrent.LinearAlgebra;

/// <summary>
/// Single-precision matrix products for row-major matrices: <c>C (M, N) (+)= A (M, K) · B (K, N)</c>, plus the
/// transposed forms backward needs. A cache-blocked AVX2/FMA kernel keeps a 4 × 16 tile of C in registers while
/// it walks K; the panels of B are sized to stay in L2. Large products split their rows over cores.
/// </summary>
internal static unsafe class Gemm
{
    // Rows of C kept in registers by the micro-kernel (4 rows × 2 vectors = 8 accumulators of 16 ymm).
    private const int TileRows = 4;

    // Depth of one pass over K: a 16-column strip of B of this depth (16 KiB) stays in L1 while 4 rows of A stream.
    private const int DepthBlock = 256;

    // Columns of B per panel: DepthBlock × PanelWidth floats (256 KiB) fit the 1 MiB L2 of this machine.
    private const int PanelWidth = 256;

    // Below this many multiply-adds the cost of waking a second core outweighs the work.
    private const long ParallelThreshold = 1L << 21;

    /// <summary>C (M, N) = or += A (M, K) · B (K, N).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n,
        bool accumulate, bool parallel = false)
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
        {
            throw new ArgumentException($"GEMM buffers too small for ({m}×{k})·({k}×{n}).");
        }

        if (!accumulate)
        {
            c[..(m * n)].Clear();
        }

        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            int chunks = Environment.ProcessorCount;
            if (parallel && chunks > 1 && (long)m * n * k >= ParallelThreshold && m >= 2 * TileRows * chunks)
            {
                // Whole tiles per chunk so every chunk but the last runs the fast 4-row kernel.
                int rowsPerChunk = ((m + chunks - 1) / chunks + TileRows - 1) / TileRows * TileRows;
                nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
                Parallel.For(0, chunks, chunk =>
                {
                    int r0 = chunk * rowsPerChunk;
                    int r1 = Math.Min(m, r0 + rowsPerChunk);
                    if (r0 < r1)
                    {
                        Blocked((float*)ia + (long)r0 * k, (float*)ib, (float*)ic + (long)r0 * n, r1 - r0, k, n);
                    }
                });
            }
            else
            {
                Blocked(pa, pb, pc, m, k, n);
            }
        }
    }

    /// <summary>C (M, N) += A (M, K) · B where B was packed once by <see cref="PackedMatrix"/>.</summary>
    public static void MultiplyAddPacked(ReadOnlySpan<float> a, PackedMatrix b, Span<float> c, int m)
    {
        int k = b.Rows, n = b.Columns;
        if (a.Length < m * k || c.Length < m * n)
        {
            throw new ArgumentException($"GEMM buffers too small for ({m}×{k})·({k}×{n}).");
        }

        fixed (float* pa = a, pb = b.Values, pc = c)
        {
            for (int strip = 0; strip < n / PackedMatrix.StripWidth; strip++)
            {
                float* bp = pb + (long)strip * k * PackedMatrix.StripWidth;
                float* cp = pc + strip * PackedMatrix.StripWidth;
                int i = 0;
                // A packed strip is a (k, 16) matrix with row stride 16: the same micro-kernels apply.
                for (; i + TileRows <= m; i += TileRows)
                {
                    FourRows(pa + (long)i * k, k, bp, PackedMatrix.StripWidth, cp + (long)i * n, n, k, PackedMatrix.StripWidth);
                }

                for (; i < m; i++)
                {
                    OneRow(pa + (long)i * k, bp, PackedMatrix.StripWidth, cp + (long)i * n, k, PackedMatrix.StripWidth);
                }
            }
        }
    }

    /// <summary>C (M, N) (+)= Aᵀ · B where A is stored (K, M) and B is (K, N).</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k,
        int n, bool accumulate, bool parallel = false)
    {
        float[] at = ArrayPool<float>.Shared.Rent(m * k);
        try
        {
            Transpose(a, k, m, at);
            Multiply(at, b, c, m, k, n, accumulate, parallel);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(at);
        }
    }

    /// <summary>C (M, N) (+)= A · Bᵀ where A is (M, K) and B is stored (N, K).</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k,
        int n, bool accumulate, bool parallel = false)
    {
        float[] bt = ArrayPool<float>.Shared.Rent(k * n);
        try
        {
            Transpose(b, n, k, bt);
            Multiply(a, bt, c, m, k, n, accumulate, parallel);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(bt);
        }
    }

    /// <summary>dst (cols, rows) = srcᵀ for src (rows, cols), in 32 × 32 tiles so both sides stay in cache.</summary>
    public static void Transpose(ReadOnlySpan<float> src, int rows, int cols, Span<float> dst)
    {
        const int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile)
        {
            int r1 = Math.Min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile)
            {
                int c1 = Math.Min(cols, c0 + tile);
                for (int r = r0; r < r1; r++)
                {
                    for (int col = c0; col < c1; col++)
                    {
                        dst[col * rows + r] = src[r * cols + col];
                    }
                }
            }
        }
    }

    // C += A·B over all of M, one L2-sized panel of B at a time.
    private static void Blocked(float* a, float* b, float* c, int m, int k, int n)
    {
        for (int j0 = 0; j0 < n; j0 += PanelWidth)
        {
            int nc = Math.Min(PanelWidth, n - j0);
            for (int p0 = 0; p0 < k; p0 += DepthBlock)
            {
                int kc = Math.Min(DepthBlock, k - p0);
                int i = 0;
                for (; i + TileRows <= m; i += TileRows)
                {
                    FourRows(a + (long)i * k + p0, k, b + (long)p0 * n + j0, n, c + (long)i * n + j0, n, kc, nc);
                }

                for (; i < m; i++)
                {
                    OneRow(a + (long)i * k + p0, b + (long)p0 * n + j0, n, c + (long)i * n + j0, kc, nc);
                }
            }
        }
    }

    // C[0..4, 0..nc] += A[0..4, 0..kc] · B[0..kc, 0..nc]
    private static void FourRows(float* a, int lda, float* b, int ldb, float* c, int ldc, int kc, int nc)
    {
        float* a0 = a, a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda;
        int j = 0;
        for (; j + 16 <= nc; j += 16)
        {
            float* c0 = c + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            Vector256<float> s00 = Vector256.Load(c0), s01 = Vector256.Load(c0 + 8);
            Vector256<float> s10 = Vector256.Load(c1), s11 = Vector256.Load(c1 + 8);
            Vector256<float> s20 = Vector256.Load(c2), s21 = Vector256.Load(c2 + 8);
            Vector256<float> s30 = Vector256.Load(c3), s31 = Vector256.Load(c3 + 8);
            float* bp = b + j;
            for (int p = 0; p < kc; p++, bp += ldb)
            {
                Vector256<float> b0 = Vector256.Load(bp), b1 = Vector256.Load(bp + 8);
                Vector256<float> x = Vector256.Create(a0[p]);
                s00 = Vector256.FusedMultiplyAdd(x, b0, s00);
                s01 = Vector256.FusedMultiplyAdd(x, b1, s01);
                x = Vector256.Create(a1[p]);
                s10 = Vector256.FusedMultiplyAdd(x, b0, s10);
                s11 = Vector256.FusedMultiplyAdd(x, b1, s11);
                x = Vector256.Create(a2[p]);
                s20 = Vector256.FusedMultiplyAdd(x, b0, s20);
                s21 = Vector256.FusedMultiplyAdd(x, b1, s21);
                x = Vector256.Create(a3[p]);
                s30 = Vector256.FusedMultiplyAdd(x, b0, s30);
                s31 = Vector256.FusedMultiplyAdd(x, b1, s31);
            }

            s00.Store(c0); s01.Store(c0 + 8);
            s10.Store(c1); s11.Store(c1 + 8);
            s20.Store(c2); s21.Store(c2 + 8);
            s30.Store(c3); s31.Store(c3 + 8);
        }

        for (; j + 8 <= nc; j += 8)
        {
            float* c0 = c + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            Vector256<float> s0 = Vector256.Load(c0), s1 = Vector256.Load(c1);
            Vector256<float> s2 = Vector256.Load(c2), s3 = Vector256.Load(c3);
            float* bp = b + j;
            for (int p = 0; p < kc; p++, bp += ldb)
            {
                Vector256<float> b0 = Vector256.Load(bp);
                s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[p]), b0, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[p]), b0, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[p]), b0, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[p]), b0, s3);
            }

            s0.Store(c0); s1.Store(c1); s2.Store(c2); s3.Store(c3);
        }

        for (; j < nc; j++)
        {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            float* bp = b + j;
            for (int p = 0; p < kc; p++, bp += ldb)
            {
                s0 += a0[p] * *bp;
                s1 += a1[p] * *bp;
                s2 += a2[p] * *bp;
                s3 += a3[p] * *bp;
            }

            c[j] += s0;
            c[ldc + j] += s1;
            c[2 * ldc + j] += s2;
            c[3 * ldc + j] += s3;
        }
    }

    // C[0, 0..nc] += A[0, 0..kc] · B[0..kc, 0..nc] for the rows left over after the 4-row tiles.
    private static void OneRow(float* a, float* b, int ldb, float* c, int kc, int nc)
    {
        int j = 0;
        for (; j + 8 <= nc; j += 8)
        {
            Vector256<float> s = Vector256.Load(c + j);
            float* bp = b + j;
            for (int p = 0; p < kc; p++, bp += ldb)
            {
                s = Vector256.FusedMultiplyAdd(Vector256.Create(a[p]), Vector256.Load(bp), s);
            }

            s.Store(c + j);
        }

        for (; j < nc; j++)
        {
            float s = 0;
            float* bp = b + j;
            for (int p = 0; p < kc; p++, bp += ldb)
            {
                s += a[p] * *bp;
            }

            c[j] += s;
        }
    }
}
