namespace LiveRoom.Dashboard.Rooms;

/// <summary>A room's latest stream values, as <c>GET /api/rooms/live</c> returns them.</summary>
/// <param name="Site">Site id (InfluxDB tag <c>site</c>).</param>
/// <param name="Room">Room id (InfluxDB tag <c>room</c>).</param>
/// <param name="Width">Decoded width, pixels; null when not reported.</param>
/// <param name="Height">Decoded height, pixels; null when not reported.</param>
/// <param name="Fps">Frame rate measured from timestamps, frames per second.</param>
/// <param name="BitrateBps">Total bitrate, bits per second.</param>
/// <param name="Up">Whether the edge sees the stream.</param>
/// <param name="LastSeen">Source timestamp of the newest point (UTC).</param>
/// <param name="AgeSeconds">Seconds between <paramref name="LastSeen"/> and now.</param>
/// <param name="Stale">The newest point is older than <c>Dashboard:StaleAfter</c>: show "no data".</param>
/// <param name="MeetsResolution">At least 1920x1080 (seed clause 6.2.2.1).</param>
/// <param name="MeetsFrameRate">At least 30 fps, 29.97 accepted (seed clause 6.2.2.1).</param>
/// <param name="TxBps">The edge's NIC transmit rate in the live window (measurement <c>network</c>, field <c>tx_bps</c>): the passive uplink.</param>
/// <param name="UplinkMbps">The last active uplink test's result within <see cref="LiveRoomsQuery.UplinkTestLookback"/> (field <c>uplink_mbps</c>).</param>
/// <param name="UplinkTestedAt">When that test result was written.</param>
public sealed record LiveRoomStatus(
    string Site,
    string Room,
    double? Width,
    double? Height,
    double? Fps,
    double? BitrateBps,
    bool? Up,
    DateTimeOffset? LastSeen,
    double? AgeSeconds,
    bool Stale,
    bool MeetsResolution,
    bool MeetsFrameRate,
    double? TxBps = null,
    double? UplinkMbps = null,
    DateTimeOffset? UplinkTestedAt = null)
{
    /// <summary>Live, fresh, and at 1080p30 or better.</summary>
    public bool MeetsStandard => !Stale && Up == true && MeetsResolution && MeetsFrameRate;
}
