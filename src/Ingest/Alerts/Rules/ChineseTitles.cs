using System.Collections.Frozen;

namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>
/// The shipped rule titles (<see cref="DefaultRules"/>) and the watchdog's (<c>WatchdogFaults</c>) in Chinese, for
/// messages in Chinese. A title a site changed has no entry and is sent as written. The dashboard shows the same
/// Chinese (wwwroot/api.js); a test compares the two.
/// </summary>
public static class ChineseTitles
{
    private static readonly FrozenDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Stream down"] = "推流中断",
        ["Frame rate below 30 fps"] = "帧率低于 30 fps",
        ["Resolution below 1080p"] = "分辨率低于 1080p",
        ["Uplink below 4 Mbit/s"] = "上行低于 4 Mbit/s",
        ["Audio silent"] = "音频无声",
        ["Picture black"] = "画面黑屏",
        ["Picture frozen"] = "画面冻结",
        ["Edge outbox dropped points"] = "边缘端缓存丢弃了数据",
        ["Edge offline"] = "边缘端离线",
        ["Camera framing drifted"] = "机位构图偏移",
        ["Camera blocked or covered"] = "摄像头被遮挡",
        ["Camera out of focus"] = "摄像头失焦",
        ["Picture too dark"] = "画面过暗",
        ["Picture overexposed"] = "画面过曝",
        ["Colour cast"] = "画面偏色",
        ["Host seat not lit above the background"] = "主播位未比背景更亮",
        ["Pre-show checklist not passed at T-10 min"] = "开播前 T-10 检查未通过",
        ["No stream metrics"] = "无推流指标",
        ["Collector down (heartbeat session lost)"] = "采集服务宕机（心跳会话丢失）",
        ["Collector silent (no heartbeat)"] = "采集服务无响应（无心跳）",
        ["InfluxDB down (collector cannot store metrics)"] = "InfluxDB 宕机（采集服务无法存储指标）",
        ["No standby collector ready (none would take over)"] = "没有就绪的备用采集服务（故障时无人接替）",
        ["Dashboard down (no room wall; schedule changes do not reach the edges)"] = "看板宕机（无直播间总览；排期变更无法下发到边缘端）",
        ["Watchdog down (nobody would be told if the collector failed)"] = "看门狗宕机（采集服务故障时将无人收到通知）",
        ["MQTT broker unreachable"] = "MQTT 代理无法连接",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Chinese of a shipped title; null for a title a site wrote.</summary>
    public static string? Of(string title) => Titles.GetValueOrDefault(title);

    /// <summary>Every shipped title with an entry (for the tests).</summary>
    internal static IEnumerable<string> English => Titles.Keys;
}
