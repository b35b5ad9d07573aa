namespace SceneCut.Evaluation;

/// <summary>How many emitted ad slots fell on a true scene boundary (within the slot tolerance), summed over clips.</summary>
/// <param name="Slots">Slots emitted.</param>
/// <param name="OnSceneBoundary">Of those, slots within the tolerance of a true scene start.</param>
public readonly record struct AdSlotHits(int Slots, int OnSceneBoundary)
{
    /// <summary>Share of slots on a true scene boundary; null when no slot was emitted.</summary>
    public double? Precision => Slots == 0 ? null : (double)OnSceneBoundary / Slots;

    public static AdSlotHits operator +(AdSlotHits a, AdSlotHits b) => new(a.Slots + b.Slots, a.OnSceneBoundary + b.OnSceneBoundary);
}
