// The pre-show checklist in the reader's language. The edge records each item as its id, a status word, and a value
// and threshold in English (src/Probe/Lifecycle/AutomaticChecks*.cs, ChecklistPoints.cs); the room page and the show
// report show them through these tables. A text no pattern knows (a fault's own message, a site's manual item) is shown
// as the edge wrote it. No dependency on the page, so that Probe.Tests can run it under node against what the edge
// really writes (ChecklistWordsTests): a pattern that drifts from the edge's wording fails there.

const NAMES = {
  encoder: ["Encoder", "编码器"], uplink: ["Uplink", "上行带宽"], resolution: ["Resolution", "分辨率"],
  frame_rate: ["Frame rate", "帧率"], bitrate: ["Bitrate", "码率"], audio: ["Audio", "音频"], loudness: ["Loudness", "响度"],
  ingest_rtt: ["Ingest RTT", "推流往返时延"], obs: ["OBS", "OBS"], disk: ["Disk", "磁盘"], clock: ["Clock", "时钟"],
  framing: ["Framing", "构图"], lighting: ["Lighting", "灯光"],
};

// Item and run statuses (src/Probe/Lifecycle/ItemStatus.cs); English shows the word itself ("not ready").
const STATUS_ZH = {
  pass: "通过", warn: "警告", fail: "不通过", pending: "待测", confirmed: "已确认", open: "待确认",
  running: "进行中", ready: "就绪", "not-ready": "未就绪", aborted: "已中止",
};

// Values and thresholds: whole-text patterns, first match wins; numbers and units are kept as written.
const PHRASES_ZH = [
  // Values.
  [/^no stream yet$/, "尚无推流"],
  [/^testing$/, "测速中"],
  [/^not tested yet$/, "尚未测速"],
  [/^no uplink test configured \((.+)\)$/, "未配置上行测速（$1）"],
  [/^test failed: (.*)$/s, "测速失败：$1"],
  [/^stream up (\d+) s, no video$/, "已推流 $1 秒，无视频"],
  [/^measuring \(stream up (\d+) s\)$/, "测量中（已推流 $1 秒）"],
  [/^no video measured$/, "未测得视频"],
  [/^no frame rate measured$/, "未测得帧率"],
  [/^no bitrate measured$/, "未测得码率"],
  [/^no loudness measured$/, "未测得响度"],
  [/^stream up (\d+) s, (.+)$/, "已推流 $1 秒，$2"],
  [/^no audio track$/, "无音轨"],
  [/^(.+) decodes nothing$/, "$1 解码无声音"],
  [/^silent: (.*)$/s, "无声：$1"],
  [/^present, (.+)$/, "有声音，$1"],
  [/^no RTT measurement yet$/, "尚无往返时延测量"],
  [/^ingest unreachable$/, "推流服务器不可达"],
  [/^RTT (\S+) ms, loss (\S+) %$/, "往返时延 $1 ms，丢包 $2 %"],
  [/^OBS not polled yet$/, "尚未读取 OBS"],
  [/^OBS not connected$/, "OBS 未连接"],
  [/^connected, (\S+) % dropped, (\S+) frames skipped by lag$/, "已连接，丢帧 $1 %，卡顿跳过 $2 帧"],
  [/^disk not measured yet$/, "尚未测量磁盘"],
  [/^(\S+) GiB free$/, "剩余 $1 GiB"],
  [/^no clock exchange yet$/, "尚未与采集服务对时"],
  [/^no clock reference configured \((.+)\)$/, "未配置对时参考（$1）"],
  [/^no picture analysed yet$/, "尚未分析画面"],
  [/^matches the reference \(similarity (\S+)\)$/, "与参考画面一致（相似度 $1）"],
  [/^does not match the reference$/, "与参考画面不一致"],
  [/^not commissioned \(overall exposure only\): mean luma (\S+)$/, "未完成调试（仅检查整体曝光）：平均亮度 $1"],
  [/^mean luma (\S+)$/, "平均亮度 $1"],
  [/^not commissioned$/, "未完成调试"],
  [/^not commissioned: no reference frame$/, "未完成调试：尚无参考画面"],
  [/^not commissioned: no reference frame in (.+)$/s, "未完成调试：$1 中尚无参考画面"],
  [/^not commissioned: (.*)$/s, "未完成调试：$1"],
  // Thresholds.
  [/^≥ (\S+) Mbit\/s \(stream \+ (\S+) %\)$/, "≥ $1 Mbit/s（推流码率 + $2 %）"],
  [/^≥ (\S+) fps \((\S+) accepted\)$/, "≥ $1 fps（不低于 $2 即可）"],
  [/^encoder output present$/, "编码器有输出"],
  [/^an audio track with sound$/, "有声音的音轨"],
  [/^(\S+) to (\S+) LUFS short-term$/, "短期响度 $1 至 $2 LUFS"],
  [/^RTT ≤ (\S+) ms, loss ≤ (\S+) %$/, "往返时延 ≤ $1 ms，丢包 ≤ $2 %"],
  [/^connected, network drops ≤ (\S+) %, no encoder or render lag$/, "已连接，网络丢帧 ≤ $1 %，无编码或渲染卡顿"],
  [/^≥ (\S+) GiB free for recording$/, "录制可用空间 ≥ $1 GiB"],
  [/^\|offset\| ≤ (\S+) ms against the collector$/, "与采集服务时差 ≤ $1 ms"],
  [/^backdrop and desk framed as the reference$/, "背景与桌面构图与参考画面一致"],
  [/^exposure, seat lighting and colour as the reference$/, "曝光、主播位照明与色彩与参考画面一致"],
  [/^confirmed by a technician$/, "由技术员确认"],
];

// An item's name: the automatic items by name; a site's manual item by its id (its text is the value).
export function itemName(id, lang) {
  const n = NAMES[id];
  return n ? n[lang === "zh" ? 1 : 0] : id;
}

export function itemStatus(status, lang) {
  return (lang === "zh" && STATUS_ZH[status]) || status.replace("-", " ");
}

// A value or threshold as the edge wrote it, in the reader's language where its wording is known.
export function itemText(text, lang) {
  if (lang !== "zh" || !text) return text;
  for (const [pattern, zh] of PHRASES_ZH) {
    if (pattern.test(text)) return text.replace(pattern, zh);
  }
  return text;
}

// The newest point per item of a run's points in time order (a manual item's confirmation follows its "open" point; an
// edge that restarted during the run measured again), in first-seen order: the run's outcome item by item.
export function latestItems(points) {
  const byItem = new Map();
  for (const i of points) byItem.set(i.item, i);
  return [...byItem.values()];
}
