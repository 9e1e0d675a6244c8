// What the edge's events are called on the pages, in both languages. The edge stores an event's type as an id
// (src/Contracts/Payloads/EventTypes.cs, VisionEventTypes.cs; evidence thumbnails also ThumbnailReasons.cs); a reader
// sees "Picture frozen" or "画面冻结", not "frozen". An id this table does not know (an edge newer than this
// dashboard) is shown as written. The caller passes the reader's language ("zh" or "en", api.js's lang), so node
// runs this file as it is: EventWordsTests checks every id of those files has a name here in both languages.
import { itemName } from "./checklist-words.js";

const names = {
  // EventTypes: the stream.
  stream_started: ["Stream started", "推流开始"],
  stream_stopped: ["Stream stopped", "推流停止"],
  stream_stalled: ["Stream stalled", "推流停滞"],
  source_error: ["Stream unreadable", "推流无法读取"],
  profile_changed: ["Stream format changed", "推流格式变更"],
  no_video: ["No video track", "无视频轨"],
  below_resolution: ["Resolution below standard", "分辨率低于标准"],
  above_resolution: ["Resolution above expected", "分辨率高于预期"],
  below_frame_rate: ["Frame rate below standard", "帧率低于标准"],
  bitrate_low: ["Bitrate too low", "码率过低"],
  bitrate_high: ["Bitrate too high", "码率过高"],
  dropped_frames: ["Frames late or dropped", "丢帧或迟到帧"],
  variable_frame_rate: ["Irregular frame rate", "帧率不稳定"],
  audio_missing: ["Audio missing", "无音频"],
  silence: ["Audio silent", "音频无声"],
  clipping: ["Audio clipping", "音频削波"],
  black: ["Picture black", "画面黑屏"],
  frozen: ["Picture frozen", "画面冻结"],
  outbox_overflow: ["Edge outbox dropped points", "边缘端缓存丢弃了数据"],
  // VisionEventTypes: framing (6.1.2) and lighting (6.1.5).
  framing_drift: ["Camera framing drifted", "机位构图偏移"],
  camera_blocked: ["Camera blocked or covered", "摄像头被遮挡"],
  out_of_focus: ["Camera out of focus", "摄像头失焦"],
  too_dark: ["Picture too dark", "画面过暗"],
  overexposed: ["Picture overexposed", "画面过曝"],
  colour_cast: ["Colour cast", "画面偏色"],
  seat_not_lit: ["Host seat not lit above the background", "主播位未比背景更亮"],
  light_changed: ["Lighting changed since the reference", "灯光与参考画面相比有变化"],
};

// ThumbnailReasons: why a thumbnail was taken when no event took it.
const thumbnailNames = {
  interval: ["Regular", "定时截图"],
  "reference-candidate": ["Reference candidate", "参考候选画面"],
};

const words = {
  started: ["started", "开始"],
  ended: ["ended", "结束"],
  endedAfter: ["ended after {d}", "结束，持续 {d}"],
  seconds: ["{n} s", "{n} 秒"],
  minutes: ["{n} min", "{n} 分钟"],
  hours: ["{n} h {m} min", "{n} 小时 {m} 分钟"],
};

// A [English, Chinese] pair's text for the language; a "{name}" filled from vars.
export const pick = (pair, l) => pair[l === "zh" ? 1 : 0];
export const fill = (s, vars) => s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

// The name of an event type or thumbnail reason; an unknown id as written.
export function eventName(type, l) {
  if (Object.hasOwn(names, type)) return pick(names[type], l);
  return Object.hasOwn(thumbnailNames, type) ? pick(thumbnailNames[type], l) : type;
}

// A span in whole seconds, minutes, or hours and minutes: "95 s", "13 min", "2 h 5 min" / "95 秒"…
export function durationText(seconds, l) {
  const s = Math.round(seconds);
  if (s < 120) return fill(pick(words.seconds, l), { n: s });
  if (s < 7200) return fill(pick(words.minutes, l), { n: Math.round(s / 60) });
  const minutes = Math.round(s / 60);
  return fill(pick(words.hours, l), { n: Math.floor(minutes / 60), m: minutes % 60 });
}

// The edge's explanation of a condition (src/Probe/Detection/RoomEvaluator.cs, src/Probe/Vision/VisionConditions.cs)
// and of a stream's stop (StreamMonitor.cs) in Chinese, numbers as written; a text no pattern knows (an error's own
// message) as written.
// EventMessageWordsTests feeds every wording the edge can write through these.
const CAST = { slight: "轻微", moderate: "中等", strong: "严重", "too blue": "偏蓝", "too yellow": "偏黄", "too green": "偏绿", "too magenta": "偏洋红" };
const castWords = (list) => list.split(", ").map((w) => CAST[w] || w).join("、");
const MESSAGES_ZH = [
  [/^the stream has no video track$/, "推流没有视频轨"],
  [/^(\S+) is below the expected (\S+)$/, "$1 低于预期的 $2"],
  [/^(\S+) is above the expected (\S+)$/, "$1 高于预期的 $2"],
  [/^(\S+) fps is below (\S+)$/, "$1 fps，低于 $2"],
  [/^(\S+) Mbit\/s is below (\S+) Mbit\/s$/, "$1 Mbit/s，低于 $2 Mbit/s"],
  [/^(\S+) Mbit\/s is above (\S+) Mbit\/s$/, "$1 Mbit/s，高于 $2 Mbit/s"],
  [/^(\d+) of (\d+) frame intervals more than 10 % off the median in the last (\S+) s \(variable frame rate\)$/, "最近 $3 秒内 $2 个帧间隔中有 $1 个偏离中位数超过 10 %（帧率不稳定）"],
  [/^(\d+) frames late or dropped \((\d+) timestamp gaps\) in the last (\S+) s$/, "最近 $3 秒内 $1 帧迟到或丢失（$2 处时间戳间断）"],
  [/^the audio track decodes no audio$/, "音频轨解码不出声音"],
  [/^the stream has no audio track$/, "推流没有音频轨"],
  [/^audio below (\S+) LUFS for (\S+) s$/, "音频低于 $1 LUFS 已 $2 秒"],
  [/^sample peak (\S+) dBFS reaches full scale$/, "采样峰值 $1 dBFS，达到满刻度"],
  [/^picture black for (\S+) s \(98% of luma at or below (\S+)\)$/, "画面黑屏 $1 秒（98% 的亮度不高于 $2）"],
  [/^picture unchanged for (\S+) s with no sign of life in audio or the encoder's packets$/, "画面 $1 秒无变化，音频和编码器数据包也无活动迹象"],
  [/^picture uniform \(luma sd (\S+), mean (\S+)\)$/, "画面均匀一片（亮度标准差 $1，均值 $2）"],
  [/^mean luma (\S+) below (\S+)$/, "平均亮度 $1，低于 $2"],
  [/^(\S+)% of pixels clipped white$/, "$1% 的像素过曝为纯白"],
  [/^background neutral$/, "背景无偏色"],
  [/^background (slight|moderate|strong): (.+)$/, (m, strength, list) => "背景" + CAST[strength] + castWords(list)],
  [/^host seat (\S+)x the background brightness$/, "主播位亮度为背景的 $1 倍"],
  [/^(\S+) stops against the reference$/, "与参考画面相差 $1 档"],
  [/^shift (\S+)%,(\S+)%, scale (\S+), coverage backdrop (\S+)% desk (\S+)%$/, "偏移 $1%,$2%，缩放 $3，覆盖率：背景墙 $4%，桌面 $5%"],
  [/^scene does not match the reference \(similarity (\S+)\): camera moved far, swapped or obstructed$/, "画面与参考不符（相似度 $1）：机位大幅移动、被更换或被遮挡"],
  [/^sharpness (\S+)x the reference$/, "清晰度为参考画面的 $1 倍"],
  // Why the reader stopped (src/Probe/Stream/StreamMonitor.cs); ffmpeg's own words after the colon stay as written.
  [/^no packets for (\S+) s$/, "$1 秒没有收到数据包"],
  [/^ffmpeg exited with code (-?\d+)$/, "ffmpeg 已退出（代码 $1）"],
  [/^ffmpeg exited with code (-?\d+): (.*)$/s, "ffmpeg 已退出（代码 $1）：$2"],
];

export function eventMessage(text, l) {
  if (l !== "zh" || !text) return text;
  for (const [pattern, zh] of MESSAGES_ZH) {
    if (pattern.test(text)) return text.replace(pattern, zh);
  }
  return text;
}

// An event as a reader reads it: "Picture frozen started", "Picture frozen ended after 12 s", "Stream started"; the
// edge's own explanation (its message) follows, in Chinese where its wording is known.
export function eventText(e, l) {
  const gap = l === "zh" ? "" : " ";
  let text = eventName(e.type, l);
  if (e.active === true) text += gap + pick(words.started, l);
  else if (e.active === false) {
    text += gap + (e.durationSeconds == null ? pick(words.ended, l) : fill(pick(words.endedAfter, l), { d: durationText(e.durationSeconds, l) }));
  }
  return e.message ? text + (l === "zh" ? "：" : ": ") + eventMessage(e.message, l) : text;
}

// A room state's reason, which the edge writes in English ("show started, no stream", "uplink 2.1 Mbit/s, needs ≥ 5
// Mbit/s", "frozen: picture unchanged for 12 s"), with the Chinese of what it says in front, as the door sign shows it
// beside the bilingual state word (the edge's DisplayWords.Bilingual; DisplayWordsTests compares the two). A reason
// neither recognises is shown as written.
const FIXED_REASONS = { "show started, no stream": "已到开播时间，无推流", "stream lost during the show": "直播中推流中断" };
export function reasonText(reason) {
  if (!reason) return reason;
  if (Object.hasOwn(FIXED_REASONS, reason)) return FIXED_REASONS[reason] + " " + reason;
  if (reason.startsWith("not confirmed: ")) return "待确认 " + reason;
  const head = reason.split(/[ :]/, 1)[0];
  if (Object.hasOwn(names, head)) return names[head][1] + " " + reason;
  const item = itemName(head, "zh");
  return item !== head ? item + "未通过 " + reason : reason;
}
