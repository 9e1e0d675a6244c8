// Alerts page: an alert rule's condition and its "for" in the reader's words instead of the collector's field names and
// TimeSpans ("stream fps <" and "00:00:10" became "frame rate < 29.5 fps" and "10 s"). The shipped rules' fields
// (src/Ingest/Alerts/Rules/DefaultRules.cs) have names; a field a site's own rule uses is shown as kind.field.
import { durationText, eventName, fill, pick } from "./event-words.js";

// kind.field → [English, Chinese, unit (one for both, or [English, Chinese])].
const measures = {
  "stream.fps": ["frame rate", "帧率", "fps"],
  "stream.height": ["picture height", "画面高度", "px"],
  "stream.width": ["picture width", "画面宽度", "px"],
  "stream.bitrate_bps": ["stream bitrate", "推流码率", "bit/s"],
  "stream.keyframe_interval_s": ["keyframe interval", "关键帧间隔", ["s", "秒"]],
  "stream.dropped_frames": ["dropped frames", "丢帧数", ""],
  "network.uplink_mbps": ["uplink", "上行带宽", "Mbit/s"],
  "network.tx_bps": ["NIC send rate", "网卡发送码率", "bit/s"],
  "audio.silent_s": ["silence", "静音时长", ["s", "秒"]],
  "audio.momentary_lufs": ["momentary loudness", "瞬时响度", "LUFS"],
  "audio.short_term_lufs": ["short-term loudness", "短期响度", "LUFS"],
  "audio.true_peak_dbtp": ["true peak", "真峰值", "dBTP"],
};

const states = {
  "stream.up": { false: ["stream not running", "未推流"], true: ["stream running", "正在推流"] },
  "audio.present": { false: ["no audio track", "无音轨"], true: ["audio track present", "有音轨"] },
  "vision.black": { true: ["picture black", "画面黑屏"], false: ["picture not black", "画面非黑屏"] },
  "vision.frozen": { true: ["picture frozen", "画面冻结"], false: ["picture not frozen", "画面未冻结"] },
  "checklist.ready_at_t10": { false: ["checklist not passed at T-10 min", "T-10 时检查清单未通过"], true: ["checklist passed at T-10 min", "T-10 时检查清单已通过"] },
};

const kinds = { stream: ["stream", "推流"], network: ["network", "网络"], audio: ["audio", "音频"], vision: ["picture", "画面"], checklist: ["checklist", "检查清单"], host: ["host", "主机"] };

const words = {
  isTrue: ["{f} is true", "{f} 为真"],
  isFalse: ["{f} is false", "{f} 为假"],
  event: ["edge reports “{e}”", "边缘端上报“{e}”"],
  offline: ["edge offline", "边缘端离线"],
  absent: ["no {k} metrics for {d}", "{d}无{k}指标"],
  atOnce: ["at once", "立即"],
};

const number = (v) => (Number.isFinite(v) ? String(v) : "?");

// The condition a rule fires on, its threshold included: "frame rate < 29.5 fps", "帧率 < 29.5 fps".
export function ruleCondition(rule, l) {
  const key = rule.kind + "." + (rule.field || "");
  switch (rule.operator) {
    case "event":
      return fill(pick(words.event, l), { e: eventName(rule.eventType || "", l) });
    case "offline":
      return pick(words.offline, l);
    case "absent":
      return fill(pick(words.absent, l), { k: Object.hasOwn(kinds, rule.kind) ? pick(kinds[rule.kind], l) : rule.kind, d: durationText(rule.threshold || 0, l) });
    case "isTrue":
    case "isFalse": {
      const firing = rule.operator === "isTrue";
      if (Object.hasOwn(states, key)) return pick(states[key][firing], l);
      return fill(pick(words[rule.operator], l), { f: key });
    }
    case "below":
    case "above": {
      const op = rule.operator === "below" ? "<" : ">";
      if (!Object.hasOwn(measures, key)) return key + " " + op + " " + number(rule.threshold);
      const m = measures[key];
      const unit = Array.isArray(m[2]) ? pick(m[2], l) : m[2];
      return (pick(m, l) + " " + op + " " + number(rule.threshold) + " " + unit).trim();
    }
    default:
      return [rule.kind, rule.field || rule.eventType, rule.operator].filter(Boolean).join(" ");
  }
}

// A rule's "for" (the collector's TimeSpan, "00:00:10" or "1.02:00:00") as "10 s" / "10 秒"; zero: "at once" / "立即".
// A value that is not a TimeSpan is shown as written.
export function forText(span, l) {
  const m = /^(?:(\d+)\.)?(\d+):(\d\d):(\d\d)(?:\.\d+)?$/.exec(span || "");
  if (!m) return span || "";
  const seconds = Number(m[1] || 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return seconds === 0 ? pick(words.atOnce, l) : durationText(seconds, l);
}

// Whether the rule's threshold means anything (an event, a boolean or offline has none to show).
export function hasThreshold(rule) {
  return ["below", "above", "absent"].includes(rule.operator);
}
