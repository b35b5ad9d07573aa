namespace SceneCut.Embeddings;

/// <summary>
/// How well embeddings tell "same shot" from "across a cut" on clips with truth: the similarity of neighbouring
/// frames inside shots, across hard cuts and across gradual transitions, and the single threshold that best
/// separates within-shot pairs from across-cut pairs.
/// </summary>
/// <param name="WithinShot">Neighbouring frames (i, i+1) inside one shot.</param>
/// <param name="AcrossCut">The last frame before and the first after each hard cut.</param>
/// <param name="AcrossGradual">The frame before and the frame after each fade or dissolve.</param>
/// <param name="Threshold">Similarity at or above which a pair is called "same shot", chosen for the best balanced accuracy.</param>
/// <param name="Accuracy">Share of within-shot and across-cut pairs the threshold classifies correctly.</param>
/// <param name="BalancedAccuracy">Mean of the within-shot and across-cut hit rates (the classes are very unequal in size).</param>
/// <param name="FramesEmbedded">Frames embedded to compute this.</param>
public sealed record CutSimilarityReport(
    SimilarityDistribution WithinShot,
    SimilarityDistribution AcrossCut,
    SimilarityDistribution AcrossGradual,
    double Threshold,
    double Accuracy,
    double BalancedAccuracy,
    int FramesEmbedded);
