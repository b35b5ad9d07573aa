namespace SceneCut.Output.Scte35;

/// <summary>The delivery restriction flags of a segmentation descriptor (present when delivery is restricted).</summary>
/// <param name="WebDeliveryAllowed">web_delivery_allowed_flag.</param>
/// <param name="NoRegionalBlackout">no_regional_blackout_flag.</param>
/// <param name="ArchiveAllowed">archive_allowed_flag.</param>
/// <param name="DeviceRestrictions">device_restrictions, 2 bits; 3 = none.</param>
internal sealed record DeliveryRestrictions(bool WebDeliveryAllowed, bool NoRegionalBlackout, bool ArchiveAllowed, int DeviceRestrictions);
