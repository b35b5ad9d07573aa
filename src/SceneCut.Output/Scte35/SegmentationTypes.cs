namespace SceneCut.Output.Scte35;

/// <summary>The segmentation_type_id values SceneCut writes (SCTE 35 table 22).</summary>
internal static class SegmentationTypes
{
    /// <summary>Provider Placement Opportunity Start: an ad may be placed from here.</summary>
    public const byte ProviderPlacementOpportunityStart = 0x34;

    /// <summary>Provider Placement Opportunity End: the programme resumes.</summary>
    public const byte ProviderPlacementOpportunityEnd = 0x35;
}
