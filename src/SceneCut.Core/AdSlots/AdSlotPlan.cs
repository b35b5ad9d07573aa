using SceneCut.Results;

namespace SceneCut.AdSlots;

/// <summary>What <see cref="AdSlotPlanner"/> chose: the slots in time order and the policy section for the document.</summary>
/// <param name="Slots">Chosen slots, in time order.</param>
/// <param name="Policy">The policy used and its note; goes into <see cref="ResultDocument.AdPolicy"/>.</param>
public sealed record AdSlotPlan(IReadOnlyList<AdSlotEntry> Slots, AdPolicySection Policy)
{
    /// <summary>Null when every qualifying boundary became a slot; otherwise why there are no or fewer slots.</summary>
    public string? Note => Policy.Note;
}
