using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Display;

/// <summary>
/// How each room state looks on the door: the word in Chinese and English and the background colour (text is
/// white on every one of them, contrast at least 4.5:1, WCAG AA, so it reads from 5 m).
/// </summary>
internal readonly record struct StateLook(string Chinese, string English, string Colour, bool OnAir)
{
    public static readonly StateLook Free = new("空闲", "FREE", "475569", false);
    public static readonly StateLook Booked = new("已预约", "BOOKED", "1d4ed8", false);
    public static readonly StateLook PreShow = new("准备中", "PRE-SHOW", "a16207", false);
    public static readonly StateLook Ready = new("就绪", "READY", "15803d", false);
    public static readonly StateLook NotReady = new("未就绪", "NOT READY", "c2410c", false);
    public static readonly StateLook Live = new("直播中", "ON AIR", "c81e1e", true);
    public static readonly StateLook Fault = new("故障", "FAULT", "86198f", true);
    public static readonly StateLook Ended = new("已结束", "ENDED", "57534e", false);
    public static readonly StateLook Offline = new("离线", "OFFLINE", "1f2937", false);

    /// <summary>A state code this build does not know (a newer edge's): shown as-is on the offline colour.</summary>
    public static StateLook Unknown(string code) => new("未知", code.Length == 0 ? "UNKNOWN" : code.ToUpperInvariant(), Offline.Colour, false);

    public static StateLook Of(string state) => state switch
    {
        RoomStates.Free => Free,
        RoomStates.Booked => Booked,
        RoomStates.PreShow => PreShow,
        RoomStates.Ready => Ready,
        RoomStates.NotReady => NotReady,
        RoomStates.Live => Live,
        RoomStates.Fault => Fault,
        RoomStates.Ended => Ended,
        RoomStates.Offline => Offline,
        _ => Unknown(state),
    };
}
