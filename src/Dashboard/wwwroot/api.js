// Shared by every page: API calls with the session cookie and the anti-forgery header, sign-in redirect,
// a tiny English/Chinese dictionary. Text reaches the page through textContent only (names are data, never markup).
let csrf = null;

export async function csrfToken(refresh = false) {
  if (!csrf || refresh) {
    const r = await fetch("api/auth/csrf", { cache: "no-store" });
    csrf = (await r.json()).token;
  }
  return csrf;
}

export function toLogin() {
  const next = location.pathname.replace(/^\//, "") + location.search;
  location.href = "login.html?next=" + encodeURIComponent(next);
}

// The dashboard's answer to a change without a valid anti-forgery token (CsrfFilter).
const CSRF_REFUSED = "Anti-forgery token missing or invalid";

// Every request names the page's language: the dashboard's refusals (problem title and detail) come back in it.
const languageHeader = () => ({ "Accept-Language": lang === "zh" ? "zh-CN" : "en" });

// A change (POST/PUT/DELETE) with the anti-forgery header. A token the dashboard no longer accepts (it was restarted
// with new keys, or the session changed in another tab) is fetched afresh and the change sent once more.
export async function sendChange(path, { method = "POST", headers = {}, body } = {}) {
  const send = async (refresh) => fetch(path, {
    method, cache: "no-store", body, headers: { ...languageHeader(), ...headers, "X-CSRF-TOKEN": await csrfToken(refresh) },
  });
  const r = await send(false);
  if (r.status !== 400) return r;
  const problem = await r.clone().json().catch(() => null);
  return problem && problem.title === CSRF_REFUSED ? send(true) : r;
}

// GET or a change (POST/DELETE with JSON); 401 sends the browser to the sign-in page.
export async function api(path, { method = "GET", body } = {}) {
  const json = body === undefined ? undefined : JSON.stringify(body);
  const r = method === "GET"
    ? await fetch(path, { method, cache: "no-store", headers: languageHeader() })
    : await sendChange(path, { method, headers: { "Content-Type": "application/json" }, body: json });
  if (r.status === 401 && !path.startsWith("api/auth/login")) { toLogin(); throw new Error("signed out"); }
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  // A kiosk screen asked for more than the wall: the dashboard says so (signIn), and the page goes to sign-in.
  if (r.status === 403 && data && data.signIn) { toLogin(); throw new Error(data.detail); }
  if (r.status === 403 && data && Array.isArray(data.neededRoles)) throw new Error(refusalText(data, lang));
  if (!r.ok) throw new Error((data && (data.detail || data.title)) || ("HTTP " + r.status));
  return data;
}

const ROLES_ZH = { technician: "技术员", "on-call": "值班人员", manager: "经理", admin: "管理员", kiosk: "展示屏" };

// A role as the reader says it (the role's id in English).
export function roleName(role, l) {
  return (l === "zh" && ROLES_ZH[role]) || role;
}

// A role refusal (the dashboard's 403 with roles and neededRoles) in the reader's language; English is the server's.
export function refusalText(problem, l) {
  if (l !== "zh") return problem.detail;
  const name = (r) => roleName(r, l);
  const held = problem.roles || [];
  const needed = problem.neededRoles;
  return "你的账号（" + (held.length ? held.map(name).join("、") : "无角色") + "）无权执行此操作"
    + (needed.length === 0 ? "" : (needed.length === 1 ? "；需要角色：" : "；需要以下角色之一：") + needed.map(name).join("、")) + "。";
}

// A page's refusal or failure in its #error box (role="alert" where the page has one); null or "" clears it.
export function problem(message) {
  const box = document.getElementById("error");
  box.hidden = !message;
  box.textContent = message || "";
}

export async function requireUser() {
  const me = await api("api/auth/me");
  if (!me.signedIn || me.mustChangePassword) { toLogin(); throw new Error("not signed in"); }
  return me;
}

const zh = {
  "Sites and rooms": "站点与直播间", "New site": "新建站点", "Id": "标识", "Display name": "名称", "Rename": "重命名", "Delete room": "删除直播间",
  "Remove item": "移除检查项", "Delete site": "删除站点", "Rooms": "直播间", "No room yet.": "还没有直播间。", "New room": "新建直播间",
  "Manual checklist items": "人工检查项", "No manual item: the checklist has automatic items only.": "没有人工检查项：检查清单只有自动项目。",
  "New item": "新建检查项", "Text": "内容", "Add": "添加",
  "A site is a studio with its time zone; its rooms are the live rooms an edge watches (the room id is the edge's Probe:Room); its manual checklist items are confirmed by a technician before every show.": "站点是一个直播基地及其时区；直播间是边缘端监测的直播间（直播间标识即边缘端的 Probe:Room）；人工检查项由技术员在每场直播前确认。",
  "Accounts": "账号", "New account": "新建账号", "Roles": "角色", "Sites": "站点", "Sites (none ticked: every site)": "站点（不勾选：全部站点）",
  "Cancel": "取消", "Change": "修改", "New one-time password": "新的一次性密码", "Audit log": "审计日志", "Filter": "筛选",
  "Who": "操作人", "Action": "操作", "Target": "对象", "Outcome": "结果", "Detail": "详情", "active": "正常",
  "one-time password not yet changed": "一次性密码尚未修改", "locked until {time}": "锁定至 {time}",
  "One-time password for {name}:": "{name} 的一次性密码：", "Hand it over in person; it is shown only now. They choose their own at the first sign-in.": "请当面交给本人；密码只显示这一次。对方首次登录时设置自己的密码。",
  "Give {name} a new one-time password? Their sessions end now.": "给 {name} 一个新的一次性密码？其所有登录会话将立即结束。",
  "Delete the account {name}?": "删除账号 {name}？", "Change {name}": "修改 {name}", "Tick at least one role.": "请至少勾选一个角色。",
  "Only admins manage accounts.": "只有管理员可以管理账号。", "{shown} of the newest {all} entries": "最近 {all} 条中的 {shown} 条", "Show all {n}": "显示全部 {n} 条",
  "Technicians run the rooms and schedules, on-call staff answer alerts, managers read reports, admins manage accounts and alert settings. An account limited to sites sees only those.": "技术员负责直播间和排期，值班人员处理告警，经理查看报表，管理员管理账号和告警设置。限定站点的账号只能看到这些站点。",
  "Room wall": "直播间总览", "Sign out": "退出", "no data": "无数据", "stream DOWN": "推流中断",
  "1080p30 OK": "1080p30 达标", "below 1080p30": "低于 1080p30", "resolution": "分辨率", "frame rate": "帧率",
  "bitrate": "码率", "age": "延迟", "last seen": "最后上报", "updated": "已更新", "Sign in": "登录",
  "Name": "用户名", "Password": "密码", "New password": "新密码", "Change password": "修改密码",
  "Range": "时间范围", "Reports": "报表", "Apply": "应用", "From": "从", "To": "到", "Back to wall": "返回总览",
  "No room has reported in the last minute.": "最近一分钟没有直播间上报数据。",
  "Schedules": "排期", "Site": "站点", "Room": "直播间", "All rooms": "全部直播间", "Title": "标题", "Host": "主播",
  "Start": "开始", "End": "结束", "Create": "创建", "Created": "已创建", "Delete": "删除", "New show": "新建场次",
  "Import": "导入", "Import .ics / .csv": "导入 .ics / .csv", "Imported": "已导入", "unchanged": "未变", "removed": "已删除", "skipped (past)": "已跳过（过去）",
  "cut at horizon": "超出展开期限", "Time zone": "时区", "No upcoming shows in the next 30 days.": "未来 30 天没有场次。",
  "No site is configured yet.": "尚未配置站点。", "Choose the room for the show.": "请选择场次的直播间。", "Choose a room": "选择直播间", "Every record of the run ({n})": "本次检查的全部记录（{n} 条）", "No silence is active or planned.": "当前及计划中均无静默。", "Nobody is on the rota: alerts name nobody on duty, and critical ones have nobody to escalate to.": "值班表为空：告警不会指名值班人员，严重告警也无人可升级。",
  "uplink": "上行", "test": "测速", "NIC": "网卡", "not the stream's path": "非推流出口", "The stream does not leave through the NIC the edge measures (Probe:Network:Interface), or the encoder runs on another PC.": "推流未经过边缘端测量的网卡（Probe:Network:Interface），或编码器在另一台电脑上。", "local time at the site": "站点当地时间", "site time": "站点时间", "times here": "本页时间", "Current checklist": "当前检查清单", "Run checklist now": "立即运行检查",
  "Confirm": "确认", "Item": "项目", "Value": "数值", "Threshold": "阈值", "Status": "状态", "Confirmed by": "确认人",
  "Time": "时间", "No checklist run in the last 7 days.": "最近 7 天没有检查记录。", "Shows": "场次", "Events": "事件",
  "Alert settings": "告警设置", "Silences": "静默", "New silence": "新建静默", "Add silence": "添加静默", "Silence added": "已添加静默",
  "Rule": "规则", "Until": "至", "By": "创建人", "Comment": "备注", "all sites": "全部站点", "all rooms": "全部直播间", "all rules": "全部规则",
  "On-call rota": "值班表", "Level": "级别", "Mobile": "手机", "E-mail": "邮箱", "Shift": "班次", "always": "全天",
  "Add person": "添加人员", "Person": "姓名", "Add cover": "添加代班", "On duty now": "当前值班", "cover": "代班", "nobody": "无人", "nobody, level 0 is paged": "无人，通知级别 0", "Gaps in the next 7 days": "未来 7 天的空档", "Nobody on duty at level 0 during {n} shows in the next 7 days": "未来 7 天有 {n} 场直播期间级别 0 无人值班", "Nobody on duty at level 0 during 1 show in the next 7 days": "未来 7 天有 1 场直播期间级别 0 无人值班", "an alert would name nobody: fill the rota on the alerts page": "告警将不会指名任何人：请在告警页补排值班", "all 7 days": "7 天内一直", "from {start} on": "{start} 起一直", "nobody: an alert names nobody": "无人：告警不会指名任何人", "during {n} shows: ": "期间有 {n} 场直播：", "during 1 show: ": "期间有 1 场直播：", "and {n} more shows": "及另外 {n} 场", "Send test notice": "发送测试通知", "Through every channel, naming who is on duty at that level now; no alert is opened.": "经每个通知渠道发送，并指名该级别当前值班人员；不会产生告警。", "Named": "指名", "delivered": "已送达", "failed": "失败", "gets {severity} alerts and above": "只接收{severity}及以上告警", "Test notice sent": "测试通知已发送", "Notices go to: ": "通知发往：", "No notification channel is configured (Ingest:Alerts:Channels): alerts reach nobody outside the dashboard.": "未配置通知渠道（Ingest:Alerts:Channels）：告警只能在看板上看到，不会通知任何人。", "none: someone is on duty at every level": "无：每个级别都有人值班", "Cover": "代班", "ended": "已结束", "First date": "开始日期", "Last date": "结束日期",
  "A cover stands in for the weekly rota at its site and level on its dates.": "代班在其日期内代替该站点该级别的每周值班。",
  "Level 0 is the technician on duty, 1 on call, 2 and up the next in line; site * means every site. A shift is read on the clock of its time zone; no day ticked means every day, no hours all day; a night shift belongs to the day it starts. Dates limit an entry; a cover (a holiday, a swap) stands in for the weekly rota at its site and level on its dates.": "级别 0 为值班技术员，1 为值班工程师，2 及以上为后续升级人员；站点 * 表示全部站点。班次按其时区的时间计算；不勾选星期表示每天，不填时间表示全天；夜班算作开始的那一天。日期限定条目的有效期；代班（节假日、换班）在其日期内代替该站点该级别的每周值班。",
  "Save rota": "保存值班表", "Rota saved": "值班表已保存", "Remove": "移除", "Alert rules": "告警规则",
  "Condition": "条件", "For": "持续", "Severity": "级别", "When": "适用", "Save": "保存", "Rule saved": "规则已保存",
  "Rule deleted": "规则已删除", "Delete rule": "删除规则",
  "A silence mutes the alerts of a site (or one room, or one rule) for a maintenance window; every silence ends.": "静默在维护时段内屏蔽某站点（或某直播间、某规则）的告警；每个静默都有结束时间。",
  "write batches waiting": "个写入批次待写入", "collector": "采集服务", "since": "自", "standby": "备用", "down": "已宕机",
  "No standby collector is ready.": "没有就绪的备用采集服务。",
  "No collector watchdog is running.": "采集看门狗未运行。", "If the collector fails, nobody is told.": "若采集服务故障，将无人收到通知。",
  "watchdog": "看门狗", "stopped": "已停止",
  "acknowledged by": "已确认：", "pending": "待触发", "not acknowledged": "未确认", "escalated to level": "已升级至级别", "Acknowledge": "确认收到",
  "Resolve": "解决", "Acknowledged": "已确认", "Resolved": "已解决", "Note (optional)": "备注（可选）", "critical": "严重", "warning": "警告", "info": "提示",
  "Open alerts": "未关闭告警", "Alerts": "告警", "picture": "画面", "before the stream stopped": "推流中断前", "No open alerts.": "没有未关闭的告警。", "open alerts unknown": "告警状态未知",
  "If the active collector fails, none takes over.": "若当前采集服务故障，将无人接替。", "last heartbeat": "最后心跳", "took over from": "接替自",
  "Data collection stopped: the collector is down.": "数据采集已停止：采集服务已宕机。",
  "Data collection stopped: the collector was stopped.": "数据采集已停止：采集服务已停止。",
  "The collector is not responding.": "采集服务无响应。",
  "The collector cannot write to InfluxDB.": "采集服务无法写入 InfluxDB。",
  "No collector is running.": "没有运行中的采集服务。",
  "Collection status unknown: the dashboard's MQTT connection is down.": "采集状态未知：看板的 MQTT 连接已断开。",
  "New metrics are not being stored; the edges keep them and send them when a collector is back.": "新指标暂未入库；边缘端会保留数据，待采集服务恢复后补传。",
  "Data on this page may be stale.": "本页数据可能已过时。",
  "Points wait in its buffer; charts lag until InfluxDB is back.": "数据暂存于其缓冲区；InfluxDB 恢复前图表会滞后。",
  "event": "事件",
  // Reports and the show report (the manager's pages).
  "Export CSV": "导出 CSV", "Print": "打印", "Compliance": "合规报表", "Reported (min)": "上报时长（分钟）",
  "1080p30 %": "1080p30 占比 %", "Uplink ≥ 4 Mbit/s %": "上行 ≥ 4 Mbit/s 占比 %", "Stream ≥ 4 Mbit/s %": "推流 ≥ 4 Mbit/s 占比 %",
  "Share of reported time at 1920x1080 and 30 fps or better (seed 6.2.2.1), with uplink and stream bitrate at or above 4 Mbit/s (6.2.1.1); events are incidents the edges reported. The uplink column is what the edge's network interface sent (passive): an edge whose stream leaves by another interface reads 0 there; the active upload test is in each show's checklist.":
    "按上报时长计：分辨率 1920x1080 且帧率 30 fps 及以上的占比（标准 6.2.2.1），上行与推流码率不低于 4 Mbit/s 的占比（6.2.1.1）；事件为边缘端上报的异常。上行一列为边缘端网卡实际发送的码率（被动测量）：推流走其他网卡的边缘端此列为 0；主动上传测试见各场次的开播前检查。",
  "Per show: share of the scheduled time at 1080p30 and at or above 4 Mbit/s; the pre-show checklist (seed 7.4.3) started on time (at least 29 min before) and passed; incidents and mean minutes to acknowledge / resolve (seed 8.4).":
    "每场：排期时段内达到 1080p30、码率不低于 4 Mbit/s 的占比；开播前检查（标准 7.4.3）是否按时开始（至少提前 29 分钟）并通过；异常次数及平均确认 / 解决分钟数（标准 8.4）。",
  "from the 1-minute rollup": "取自 1 分钟汇总", "from the raw points": "取自原始数据",
  "Show": "场次", "Checklist": "开播前检查", "On time": "按时", "Passed": "通过", "Incidents": "异常", "Ack (min)": "确认（分钟）", "Resolve (min)": "解决（分钟）",
  "{n} min before": "提前 {n} 分钟", "none": "无", "n/a": "不适用", "No shows scheduled in this period.": "此期间没有排期场次。",
  "{n} show(s): checklist on time {onTime}/{n}, passed {passed}/{n}.": "{n} 场：开播前检查按时 {onTime}/{n}，通过 {passed}/{n}。",
  "Pre-show checklist (seed 7.4.3)": "开播前检查（标准 7.4.3）", "Incidents (seed 8.4)": "异常记录（标准 8.4）", "Clause": "条款",
  "Fired": "触发", "Alert": "告警", "Acknowledged by": "确认人", "Scheduled": "排期", "Reported": "上报", "{n} min": "{n} 分钟",
  "Stream ≥ 4 Mbit/s": "推流 ≥ 4 Mbit/s", "Uplink ≥ 4 Mbit/s": "上行 ≥ 4 Mbit/s",
  "Started {time} ({lead} min before the show; {punctuality}); {result}; status {status}; ready at T-10: {ready}.":
    "开始于 {time}（开播前 {lead} 分钟，{punctuality}）；{result}；状态 {status}；T-10 就绪：{ready}。",
  "on time": "按时", "late": "未按时", "passed": "已通过", "not passed": "未通过", "yes": "是", "no": "否",
  "No checklist run was recorded for this show.": "本场没有开播前检查记录。",
  // The room page: panels (src/Dashboard/Series/PanelCatalog.cs titles and line names), evidence and framing reference.
  "Frame rate": "帧率", "Bitrate": "码率", "Uplink": "上行", "Loudness": "响度", "Lighting (luma)": "灯光（亮度）",
  "Framing (changed blocks)": "构图（变化块数）", "CPU": "CPU", "mean": "平均", "min": "最小", "max": "最大", "total": "总计",
  "video": "视频", "short-term": "短期", "true peak dBTP": "真峰值 dBTP", "p98": "p98", "changed": "变化",
  "{n} s / point ({source})": "每点 {n} 秒（{source}）", "raw": "原始数据", "rollup": "1 分钟汇总",
  "Evidence": "取证截图", "No thumbnails in this range.": "此时段没有截图。", "Framing reference": "构图参考",
  "Capture reference frame": "截取参考画面", "Save reference": "保存参考", "Backdrop wall": "背景墙", "Host desk": "主播桌面",
  "Host seat": "主播座位", "Background": "背景", "not marked": "未标记",
  "Reference version {version} by {by}, {time}": "参考版本 {version}，{by}，{time}", "(not yet pushed: no broker connection)": "（尚未下发：未连接消息代理）",
  "Not commissioned: no approved reference yet.": "未完成调试：尚无已批准的参考画面。", "Candidate {capture} captured {time}": "候选画面 {capture}，截取于 {time}",
  "Waiting for the edge to send frame {capture}…": "等待边缘端发送画面 {capture}…", "The edge did not send the frame within a minute (is it online?).": "边缘端一分钟内未发送画面（是否在线？）。",
  // The collector's built-in alert rules (src/Ingest/Alerts/Rules/DefaultRules.cs), by title; a title a site changed shows as written.
  "Stream down": "推流中断", "Frame rate below 30 fps": "帧率低于 30 fps", "Resolution below 1080p": "分辨率低于 1080p",
  "Uplink below 4 Mbit/s": "上行低于 4 Mbit/s", "Audio silent": "音频无声", "Picture black": "画面黑屏", "Picture frozen": "画面冻结",
  "Edge outbox dropped points": "边缘端缓存丢弃了数据", "Edge offline": "边缘端离线", "Camera framing drifted": "机位构图偏移",
  "Camera blocked or covered": "摄像头被遮挡", "Camera out of focus": "摄像头失焦", "Picture too dark": "画面过暗",
  "Picture overexposed": "画面过曝", "Colour cast": "画面偏色", "Host seat not lit above the background": "主播位未比背景更亮",
  "Pre-show checklist not passed at T-10 min": "开播前 T-10 检查未通过", "No stream metrics": "无推流指标",
  "unscheduled": "无排期", "while the room is in use": "直播间使用时", "while the room is live": "直播中",
  "Standard: 1920x1080 at 30 fps or better (29.97 accepted), seed clause 6.2.2.1.": "标准：1920x1080、30 fps 及以上（29.97 可接受），标准条款 6.2.2.1。",
  "ready at T-10": "T-10 已就绪", "NOT ready at T-10": "T-10 未就绪", "show {show}": "场次 {show}", "started by the schedule": "按排期自动开始", "started by {name}": "由 {name} 启动",
  "{count} incident(s); mean time to acknowledge {ack} min, to resolve {resolve} min.": "{count} 次异常；平均确认用时 {ack} 分钟，解决用时 {resolve} 分钟。",
};
export const lang = (localStorage.getItem("lang") || (navigator.language || "en")).startsWith("zh") ? "zh" : "en";
export function t(s) { return lang === "zh" && zh[s] ? zh[s] : s; }
// A sentence with {name} blanks, translated whole and then filled: the languages order its parts differently.
export function tf(s, vars) { return t(s).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m)); }
export function toggleLanguage() { localStorage.setItem("lang", lang === "zh" ? "en" : "zh"); location.reload(); }

// A table cell that names its column (data-label) in the page's language: on a phone a table.cards row becomes a card
// whose cells say what they are (app.css).
export const labelledCell = (label, attrs = {}, ...children) => el("td", { "data-label": t(label), ...attrs }, ...children);

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") e.textContent = v; else if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

// The header every signed-in page shows: title, user, language, sign-out.
export function header(me, title) {
  const bar = document.getElementById("bar");
  const out = el("button", { type: "button", id: "logout", text: t("Sign out") });
  out.addEventListener("click", async () => { await api("api/auth/logout", { method: "POST" }); location.href = "login.html"; });
  const switcher = el("button", { type: "button", text: "中文 / EN" });
  switcher.addEventListener("click", toggleLanguage);
  const nav = el("nav", {}, el("a", { href: "index.html", text: t("Room wall") }));
  if (me.roles.includes("manager") || me.roles.includes("admin")) nav.append(el("a", { href: "reports.html", id: "reportsLink", text: t("Reports") }));
  if (!me.roles.includes("kiosk")) nav.append(el("a", { href: "schedules.html", id: "schedulesLink", text: t("Schedules") }));
  if (!me.roles.includes("kiosk")) nav.append(el("a", { href: "alerting.html", id: "alertingLink", text: t("Alerts") }));
  if (me.roles.includes("manager") || me.roles.includes("admin")) nav.append(el("a", { href: "sites.html", id: "sitesLink", text: t("Sites") }));
  if (me.roles.includes("admin")) nav.append(el("a", { href: "accounts.html", id: "accountsLink", text: t("Accounts") }));
  // The page being read is marked, not offered as a link to itself.
  const here = location.pathname.split("/").pop() || "index.html";
  for (const a of nav.querySelectorAll("a")) if (a.getAttribute("href") === here) a.setAttribute("aria-current", "page");
  // A kiosk wall screen (Dashboard:Security:Kiosk) has no session: it offers sign-in instead of sign-out.
  const account = me.roles.includes("kiosk") ? el("a", { href: "login.html", id: "signinLink", text: t("Sign in") }) : out;
  // The product's name heads every page; the page's own name is the marked entry of the links beside it (it was both,
  // "Room wall  Room wall Reports …") and the browser tab's title, in the reader's language.
  if (title && title !== "LiveRoom") document.title = "LiveRoom — " + title;
  bar.replaceChildren(el("h1", { text: "LiveRoom" }), nav, el("span", { id: "status", class: "status" }),
    el("span", { class: "user", text: me.name + " (" + me.roles.map((r) => roleName(r, lang)).join(lang === "zh" ? "、" : ", ") + ")" }), switcher, account);
}

// A time of day, 24-hour, in zone tz (IANA; the browser's when none, or when this browser cannot format in it).
export function clock(ms, tz, seconds) {
  const opts = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(seconds ? { second: "2-digit" } : {}) };
  try { return new Date(ms).toLocaleTimeString([], tz ? { ...opts, timeZone: tz } : opts); } catch { return new Date(ms).toLocaleTimeString([], opts); }
}
// The date (YYYY-MM-DD) of at (default: now) on the clock of zone (default UTC), as the collector reads a rota's dates.
export function dateIn(zone, at) {
  const d = at ? new Date(at) : new Date();
  try { return d.toLocaleDateString("sv-SE", { timeZone: zone || "UTC" }); } catch { return d.toISOString().slice(0, 10); }
}
// A time in the week ahead on a site's clock, with its weekday and date ("Sat 28/11, 09:00" / "11/28周六 09:00"); only the
// time when it falls on the same day as sameDayAs (the end of a span).
export function dayTime(iso, zone, sameDayAs) {
  const day = { weekday: "short", month: "2-digit", day: "2-digit" };
  const options = { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(sameDayAs && dateIn(zone, sameDayAs) === dateIn(zone, iso) ? {} : day) };
  try { return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", options); } catch { return new Date(iso).toLocaleString(); }
}
export const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// A site's zone when it differs from the browser's and this browser can format in it (an old tz database may not); else null.
export function otherZone(zone) {
  if (!zone || zone === browserZone) return null;
  try { new Intl.DateTimeFormat([], { timeZone: zone }); return zone; } catch { return null; }
}

// Whether metrics are being collected (the collector's heartbeat: GET api/collector, or the wall's "collector" event):
// a banner (#collector) when they are not, so nobody reads tiles or charts as current when they are not.
const COLLECTOR_HEADLINES = {
  "down": "Data collection stopped: the collector is down.",
  "stopped": "Data collection stopped: the collector was stopped.",
  "silent": "The collector is not responding.",
  "influx-down": "The collector cannot write to InfluxDB.",
  "unknown": "No collector is running.",
  "no-link": "Collection status unknown: the dashboard's MQTT connection is down.",
};
const COLLECTOR_HINTS = {
  "down": "New metrics are not being stored; the edges keep them and send them when a collector is back.",
  "stopped": "New metrics are not being stored; the edges keep them and send them when a collector is back.",
  "unknown": "New metrics are not being stored; the edges keep them and send them when a collector is back.",
  "silent": "Data on this page may be stale.",
  "influx-down": "Points wait in its buffer; charts lag until InfluxDB is back.",
};
export function showCollectorBanner(c) {
  const banner = document.getElementById("collector");
  banner.dataset.state = c.state;
  let headline = COLLECTOR_HEADLINES[c.state];
  let hint = COLLECTOR_HINTS[c.state];
  const details = [];
  if (!headline && c.standbyWarning) {
    // Collecting, but with primary/standby collectors none is ready to take over.
    banner.dataset.state = "no-standby";
    headline = "No standby collector is ready.";
    hint = "If the active collector fails, none takes over.";
    for (const g of (c.group || []).filter((g) => g.role === "dead")) details.push(t("collector") + " " + g.instance + " " + t("down") + (g.since ? " " + t("since") + " " + clock(Date.parse(g.since)) : ""));
  } else if (!headline && c.watchdogWarning) {
    // Collecting, but the watchdog that tells on-call when the collector fails is down or stopped.
    banner.dataset.state = "no-watchdog";
    headline = "No collector watchdog is running.";
    hint = "If the collector fails, nobody is told.";
    for (const w of c.watchdogs || []) details.push(t("watchdog") + " " + w.instance + " " + t(w.state === "dead" ? "down" : "stopped") + (w.since ? " " + t("since") + " " + clock(Date.parse(w.since)) : ""));
  }
  if (!headline) { banner.hidden = true; banner.replaceChildren(); return; }
  const quiet = banner.dataset.state === "no-standby" || banner.dataset.state === "no-watchdog";
  if (!quiet) {
    if (c.instance) details.push(t("collector") + " " + c.instance);
    if (c.since) details.push(t("since") + " " + clock(Date.parse(c.since)));
    if (c.lastHeartbeatAt && c.state !== "influx-down") details.push(t("last heartbeat") + " " + clock(Date.parse(c.lastHeartbeatAt)));
    if (c.state === "influx-down" && c.spillBatches) details.push(c.spillBatches + " " + t("write batches waiting"));
  }
  banner.className = "banner" + (c.state === "influx-down" || c.state === "no-link" || quiet ? " warn" : "");
  banner.title = banner.dataset.state === "no-standby" ? c.standbyWarning : banner.dataset.state === "no-watchdog" ? c.watchdogWarning : c.message;
  banner.replaceChildren(t(headline), el("small", { text: [details.join(" · "), hint ? t(hint) : ""].filter(Boolean).join(" — ") }));
  banner.hidden = false;
}

// The collector's open alerts (GET api/alerts/open, or the wall's rooms event): one <li> each, saying what broke, how
// bad, since when and whether somebody has it — "not acknowledged" (and how far it has escalated) or "acknowledged by
// NAME at TIME". Someone who may act (technician, on-call, admin) gets an Acknowledge button on a firing alert, and with
// { resolve: true } a Resolve button and a note. onActed(alert, result) runs after the dashboard has passed it on.
// What a list of open alerts shows, to rebuild it only when that changed (a button being pressed stays put).
export const alertsKey = (alerts) => JSON.stringify(alerts.map((a) => [a.id, a.state, a.escalationLevel, a.acknowledgedBy]));
export const mayActOnAlerts = (me) => ["technician", "on-call", "admin"].some((r) => me.roles.includes(r));
export function alertItems(alerts, { tz = null, mayAct = false, resolve = false, withRoom = false, onActed = () => {} } = {}) {
  return alerts.map((a) => {
    const state = a.state === "acknowledged"
      ? t("acknowledged by") + " " + (a.acknowledgedBy || "?") + (a.acknowledgedAt ? " " + clock(Date.parse(a.acknowledgedAt), tz) : "")
      : a.state === "pending" ? t("pending") : t("not acknowledged") + (a.escalationLevel > 0 ? " · " + t("escalated to level") + " " + a.escalationLevel : "");
    const where = withRoom
      ? [el("a", { href: "room.html?site=" + encodeURIComponent(a.site) + "&room=" + encodeURIComponent(a.room), text: a.site + " / " + a.room }), " "]
      : [];
    const li = el("li", { class: "open-alert severity-" + a.severity + " state-" + a.state, "data-alert": a.id },
      ...where, el("strong", { text: "⚠ " + t(a.title) }), " · " + t(a.severity) + " · " + t("since") + " " + clock(Date.parse(a.firedAt || a.since), tz) + " · ",
      el("span", { class: "alert-state", text: state }));
    if (!mayAct || a.state === "pending") return li;
    const message = el("span", { class: "alert-message", role: "status" });
    const note = resolve ? el("input", { type: "text", class: "alert-note", maxlength: "2000", placeholder: t("Note (optional)"), "aria-label": t("Note (optional)") }) : null;
    const act = async (how, button) => {
      button.disabled = true;
      message.className = "alert-message";
      message.textContent = "…";
      try {
        const done = await api("api/alerts/" + encodeURIComponent(a.id) + "/" + how, { method: "POST", body: { note: note && note.value.trim() ? note.value.trim() : null } });
        message.textContent = t(how === "ack" ? "Acknowledged" : "Resolved");
        onActed(done.alert || a, done.result);
      } catch (e) {
        message.className = "alert-message fail";
        message.textContent = e.message;
        button.disabled = false;
      }
    };
    const buttons = [];
    if (a.state === "firing") buttons.push(el("button", { type: "button", class: "alert-ack", text: t("Acknowledge") }));
    if (resolve) buttons.push(el("button", { type: "button", class: "alert-resolve", text: t("Resolve") }));
    for (const b of buttons) b.addEventListener("click", () => act(b.classList.contains("alert-ack") ? "ack" : "resolve", b));
    if (buttons.length) li.append(el("div", { class: "alert-actions" }, ...(note ? [note] : []), ...buttons, message));
    return li;
  });
}

// Keeps a page's list of open alerts current (every 10 s, and at once after an action here): GET api/alerts/open,
// narrowed by query ("?site=…&room=…"). The section stays hidden where the dashboard has no alert settings; a failed
// reading is said in note, with the last known alerts kept. Returns the function that reloads it.
export function followOpenAlerts(me, { query = "", section, note, list, resolve = false, withRoom = false, tz = null }) {
  let shown = null;
  const load = async () => {
    let view;
    try { view = await api("api/alerts/open" + query); } catch (e) { view = { items: null, problem: e.message }; }
    section.hidden = view.items == null && !view.problem;
    note.className = view.problem ? "status error" : "status";
    note.textContent = view.problem ? t("open alerts unknown") + ": " + view.problem : view.items && view.items.length === 0 ? t("No open alerts.") : "";
    if (view.items == null) return;
    const key = alertsKey(view.items);
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...alertItems(view.items, { tz, mayAct: mayActOnAlerts(me), resolve, withRoom, onActed: load }));
  };
  setInterval(load, 10000);
  return load().then(() => load);
}
