using System.Collections.Frozen;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Lifecycle;

namespace LiveRoom.Probe.Display;

/// <summary>
/// The door sign is bilingual, Chinese before English (decision 0012), but a room's reason is written in English for
/// logs and the dashboard: "show started, no stream", "uplink 2.1 Mbit/s, needs ≥ 4 Mbit/s", "frozen: picture unchanged
/// for 12 s…". <see cref="Bilingual"/> puts the Chinese of what it recognises in front, so a technician passing the door
/// reads "上行带宽未通过 uplink 2.1 Mbit/s…"; the English (with its numbers) stays after it. A reason it does not
/// recognise is shown as written. The names are the dashboard's (wwwroot/checklist-words.js, event-words.js);
/// DisplayWordsTests keeps the two in step.
/// </summary>
internal static class DisplayWords
{
    /// <summary>The lifecycle checklist's automatic items (<see cref="ChecklistItems"/>) in Chinese.</summary>
    internal static readonly FrozenDictionary<string, string> Items = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ChecklistItems.Encoder] = "编码器",
        [ChecklistItems.Uplink] = "上行带宽",
        [ChecklistItems.Resolution] = "分辨率",
        [ChecklistItems.FrameRate] = "帧率",
        [ChecklistItems.Bitrate] = "码率",
        [ChecklistItems.Audio] = "音频",
        [ChecklistItems.Loudness] = "响度",
        [ChecklistItems.Ingest] = "推流往返时延",
        [ChecklistItems.Obs] = "OBS",
        [ChecklistItems.Disk] = "磁盘",
        [ChecklistItems.Clock] = "时钟",
        [ChecklistItems.Framing] = "构图",
        [ChecklistItems.Lighting] = "灯光",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The edge's events (<see cref="EventTypes"/>, <see cref="VisionEventTypes"/>) in Chinese: a critical condition is a
    /// live room's fault reason.
    /// </summary>
    internal static readonly FrozenDictionary<string, string> Events = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EventTypes.StreamStarted] = "推流开始",
        [EventTypes.StreamStopped] = "推流停止",
        [EventTypes.ProfileChanged] = "推流格式变更",
        [EventTypes.OutboxOverflow] = "边缘端缓存丢弃了数据",
        [EventTypes.StreamStalled] = "推流停滞",
        [EventTypes.SourceError] = "推流无法读取",
        [EventTypes.NoVideo] = "无视频轨",
        [EventTypes.BelowResolution] = "分辨率低于标准",
        [EventTypes.AboveResolution] = "分辨率高于预期",
        [EventTypes.BelowFrameRate] = "帧率低于标准",
        [EventTypes.BitrateLow] = "码率过低",
        [EventTypes.BitrateHigh] = "码率过高",
        [EventTypes.DroppedFrames] = "丢帧或迟到帧",
        [EventTypes.VariableFrameRate] = "帧率不稳定",
        [EventTypes.AudioMissing] = "无音频",
        [EventTypes.Silence] = "音频无声",
        [EventTypes.Clipping] = "音频削波",
        [EventTypes.Black] = "画面黑屏",
        [EventTypes.Frozen] = "画面冻结",
        [VisionEventTypes.FramingDrift] = "机位构图偏移",
        [VisionEventTypes.CameraBlocked] = "摄像头被遮挡",
        [VisionEventTypes.OutOfFocus] = "摄像头失焦",
        [VisionEventTypes.TooDark] = "画面过暗",
        [VisionEventTypes.Overexposed] = "画面过曝",
        [VisionEventTypes.ColourCast] = "画面偏色",
        [VisionEventTypes.SeatNotLit] = "主播位未比背景更亮",
        [VisionEventTypes.LightChanged] = "灯光与参考画面相比有变化",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RoomReasons.NoStream] = "已到开播时间，无推流",
        [RoomReasons.StreamLost] = "直播中推流中断",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string NotConfirmed = "待确认";
    private const string Failed = "未通过";

    /// <summary>
    /// <paramref name="reason"/> with the Chinese of what it says in front: a fixed reason, a checklist item
    /// ("{item} …" or "{item}: …"), a condition ("{type}: …") or unconfirmed manual items; otherwise as written.
    /// </summary>
    public static string Bilingual(string reason)
    {
        if (reason.Length == 0)
        {
            return reason;
        }

        if (Fixed.TryGetValue(reason, out var fixedText))
        {
            return fixedText + " " + reason;
        }

        if (reason.StartsWith(RoomReasons.NotConfirmed, StringComparison.Ordinal))
        {
            return NotConfirmed + " " + reason;
        }

        var end = reason.AsSpan().IndexOfAny(' ', ':');
        var head = end < 0 ? reason : reason[..end];
        if (Events.TryGetValue(head, out var condition))
        {
            return condition + " " + reason;
        }

        return Items.TryGetValue(head, out var item) ? item + Failed + " " + reason : reason;
    }
}
