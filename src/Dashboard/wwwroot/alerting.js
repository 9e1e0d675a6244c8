// Alerts: the open alerts of every site the person sees (technicians, on-call staff and admins acknowledge and resolve
// them here), silences (on-call staff and admins add them), the on-call rota and the alert rules (admins change them). Everything goes through /api/alerting, which checks the role and writes the audit log; the collector's
// refusals come back verbatim.
import { api, dateIn, dayTime, el, followOpenAlerts, header, labelledCell, lang, problem, requireUser, t } from "./api.js";
import { forText, hasThreshold, ruleCondition } from "./rule-words.js";

// When a rule applies (the collector's RuleApplies, camelCase).
const applies = (a) => ({ always: t("always"), whileInUse: t("while the room is in use"), whileLive: t("while the room is live") })[a] || a;

const $ = (id) => document.getElementById(id);
let me, sites = [], rules = [], rota = [];

const isAdmin = () => me.roles.includes("admin");
const maySilence = () => me.roles.includes("admin") || me.roles.includes("on-call");
const when = (iso) => iso ? new Date(iso).toLocaleString() : "";

function done(message) {
  problem("");
  $("info").textContent = message;
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

const cell = labelledCell;

// A silenced rule by its title (the page's language), its id in the tooltip; a rule since deleted by its id.
const ruleTitle = (id) => { const r = rules.find((x) => x.id === id); return r ? t(r.title) : id; };

async function loadSilences() {
  const silences = await api("api/alerting/silences");
  // Each cell names its column (data-label): on a phone the rows of the three tables become cards (app.css, table.cards).
  $("silences").querySelector("tbody").replaceChildren(...silences.map((s) => el("tr", { "data-silence": s.id },
    el("td", { text: s.id }), cell("Site", { text: s.site || t("all sites") }), cell("Room", { text: s.room || t("all rooms") }),
    cell("Rule", { text: s.ruleId ? ruleTitle(s.ruleId) : t("all rules"), title: s.ruleId || "" }), cell("From", { text: when(s.startsAt) }), cell("Until", { text: when(s.endsAt) }),
    cell("By", { text: s.createdBy }), cell("Comment", { text: s.comment || "" }))));
  $("silences").hidden = silences.length === 0;
  $("noSilences").hidden = silences.length > 0;
}

// A shift: the days ticked (none or all: every day) and from–to, both on the clock of its time zone (the collector's
// RotaEntry; no zone: UTC, as entries made before zones); a night shift belongs to the day it starts. Dates (first–last,
// inclusive) limit an entry; a cover stands in for the weekly rota at its site and level on its dates. A new entry gets
// its site's zone.
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const dayNames = () => lang === "zh" ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const hhmm = (v) => v ? String(v).slice(0, 5) : "";
const zoneOf = (site) => (sites.find((s) => s.id === site) || {}).timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const ended = (entry) => Boolean(entry.lastDate) && entry.lastDate < dateIn(entry.timeZone);

function shiftText(entry) {
  const names = dayNames();
  const days = entry.days && entry.days.length > 0 && entry.days.length < 7 ? entry.days.map((d) => names[DAYS.indexOf(d)] || d).join(" ") : "";
  const hours = entry.from && entry.to ? hhmm(entry.from) + "–" + hhmm(entry.to) : "";
  const dates = entry.firstDate || entry.lastDate ? (entry.firstDate || "…") + "–" + (entry.lastDate || "…") : "";
  const when = days || hours || dates ? [dates, days, hours, "(" + (entry.timeZone || "UTC") + ")"].filter(Boolean).join(" ") : t("always");
  return [entry.cover ? t("Cover") : "", when, ended(entry) ? t("ended") : ""].filter(Boolean).join(" · ");
}

function shiftEditor(entry) {
  const names = dayNames();
  const days = el("span", { class: "days" }, ...DAYS.map((d, i) => el("label", { class: "check" },
    el("input", { type: "checkbox", "data-day": d, ...(entry.days && entry.days.includes(d) ? { checked: "" } : {}) }), names[i])));
  const zone = entry.timeZone || (entry.from || entry.days || entry.firstDate || entry.lastDate ? "UTC" : zoneOf(entry.site));
  const dates = el("span", { class: "dates" },
    el("input", { type: "date", "data-k": "firstDate", value: entry.firstDate || "", "aria-label": t("First date"), title: t("First date") }), "–",
    el("input", { type: "date", "data-k": "lastDate", value: entry.lastDate || "", "aria-label": t("Last date"), title: t("Last date") }),
    el("label", { class: "check", title: t("A cover stands in for the weekly rota at its site and level on its dates.") },
      el("input", { type: "checkbox", "data-cover": "", ...(entry.cover ? { checked: "" } : {}) }), t("Cover")));
  return [days, el("span", { class: "hours" }, el("input", { type: "time", "data-k": "from", value: hhmm(entry.from), "aria-label": t("From") }), "–",
    el("input", { type: "time", "data-k": "to", value: hhmm(entry.to), "aria-label": t("To") })),
    el("input", { "data-k": "timeZone", value: zone, size: "14", list: "zones", "aria-label": t("Time zone"), title: t("Time zone") }), dates];
}

function rotaRow(entry) {
  const labels = { site: "Site", level: "Level", name: "Person", mobile: "Mobile", email: "E-mail" };
  const cells = Object.entries(labels).map(([k, label]) => {
    const value = entry[k] == null ? "" : String(entry[k]);
    return cell(label, {}, isAdmin() ? el("input", { "data-k": k, value, size: k === "level" ? "2" : "12" }) : document.createTextNode(value));
  });
  const row = el("tr", { class: [entry.cover ? "cover" : "", ended(entry) ? "ended" : ""].filter(Boolean).join(" ") },
    ...cells, isAdmin() ? cell("Shift", {}, el("div", { class: "shift" }, ...shiftEditor(entry))) : cell("Shift", { text: shiftText(entry) }));
  row.entry = entry;
  if (isAdmin()) {
    const remove = el("button", { type: "button", class: "delete", text: t("Remove") });
    remove.addEventListener("click", () => row.remove());
    row.append(el("td", {}, remove));
  }
  return row;
}

async function loadRota() {
  rota = await api("api/alerting/rota");
  $("rota").querySelector("tbody").replaceChildren(...rota.map(rotaRow));
  $("noRota").hidden = rota.length > 0;
}

// Who a notice would go to now, per level of each site (the collector's answer: covers on their dates instead of the
// weekly rota; nobody above level 0 means level 0 is paged instead).
function dutyText(level) {
  const [colon, open, close] = lang === "zh" ? ["：", "（", "）"] : [": ", " (", ")"];
  const who = level.people.length > 0 ? level.people.map((p) => p.name + (p.cover ? open + t("cover") + close : "")).join(lang === "zh" ? "、" : ", ")
    : t(level.level > 0 ? "nobody, level 0 is paged" : "nobody");
  return t("Level") + " " + level.level + colon + who;
}

let dutyLevels = [];
async function loadOnDuty() {
  const levels = dutyLevels = await api("api/alerting/on-duty");
  fillTestLevels();
  const name = (id) => (sites.find((s) => s.id === id) || {}).name || id;
  $("onDuty").replaceChildren(...[...new Set(levels.map((l) => l.site))].map((site) => el("li", { "data-site": site },
    el("strong", { text: name(site) }), ...levels.filter((l) => l.site === site).map((l) =>
      el("span", { class: "duty" + (l.people.length > 0 ? "" : " nobody"), "data-level": String(l.level), text: dutyText(l) })))));
}

// A test notice (on-call staff and admins): through every channel to whoever an alert at the site's level would name now;
// the answer per channel — delivered, or the receiver's reason — stays on the page until the next test.
function fillTestLevels() {
  const select = $("tLevel"), kept = select.value;
  const levels = dutyLevels.filter((l) => l.site === $("tSite").value).map((l) => String(l.level));
  select.replaceChildren(...(levels.length > 0 ? levels : ["0"]).map((l) => el("option", { value: l, text: l })));
  if (levels.includes(kept)) select.value = kept;
}

// Where notices go (the collector's channels); none is an error: alerts then reach nobody outside the dashboard.
async function loadChannels() {
  const channels = await api("api/alerting/channels");
  const [open, close, comma] = lang === "zh" ? ["（", "）", "；"] : [" (", ")", "; "];
  const box = $("channels");
  box.className = channels.length > 0 ? "note" : "error-box";
  box.textContent = channels.length === 0 ? t("No notification channel is configured (Ingest:Alerts:Channels): alerts reach nobody outside the dashboard.")
    : t("Notices go to: ") + channels.map((c) => c.channel + open + c.type + (c.minSeverity !== "info" ? ", " + t("gets {severity} alerts and above").replace("{severity}", t(c.minSeverity)) : "") + close).join(comma);
  $("testNotice").disabled = channels.length === 0;
}

async function sendTestNotice(event) {
  event.preventDefault();
  $("testNotice").disabled = true;
  try {
    const outcome = await api("api/alerting/test-notice", { method: "POST", body: { site: $("tSite").value, level: Number($("tLevel").value) } });
    const [colon, open, close] = lang === "zh" ? ["：", "（", "）"] : [": ", " (", ")"];
    const named = outcome.recipients.length > 0 ? outcome.recipients.map((r) => r.name + (r.cover ? open + t("cover") + close : "")).join(lang === "zh" ? "、" : ", ")
      : t("nobody: an alert names nobody");
    $("testResult").replaceChildren(el("li", { class: "named", text: t("Named") + colon + named }), ...outcome.channels.map((c) => el("li", {
      class: c.delivered ? "delivered" : "failed", "data-channel": c.channel,
      text: c.channel + open + c.type + close + colon + (c.delivered ? t("delivered") : t("failed") + " — " + c.error)
        + " · " + (c.milliseconds / 1000).toFixed(1) + " s"
        + (c.minSeverity !== "info" ? " · " + t("gets {severity} alerts and above").replace("{severity}", t(c.minSeverity)) : ""),
    })));
    $("testResult").hidden = false;
    done(t("Test notice sent"));
  } finally {
    $("testNotice").disabled = false;
  }
}

// When nobody is on duty at a level in the next 7 days (the collector's answer, on the site's clock here), each with the
// shows whose checklist or airtime it falls on: the holes an alert would find, shown before one does.
const GAP_DAYS = 7, GAP_SHOWS_NAMED = 5;
function gapLength(ms) {
  const minutes = Math.round(ms / 60000), days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), rest = minutes % 60;
  const [d, h, m] = lang === "zh" ? ["天", "小时", "分钟"] : [" d", " h", " min"];
  return [days ? days + d : "", hours ? hours + h : "", rest && !days ? rest + m : ""].filter(Boolean).join(" ") || "1" + m;
}

function gapItem(gap, zone, asked) {
  const start = Date.parse(gap.start), end = Date.parse(gap.end);
  const fromStart = start <= asked + 60000, toEnd = end >= asked + GAP_DAYS * 86400000 - 60000;
  const when = fromStart && toEnd ? t("all 7 days")
    : toEnd ? t("from {start} on").replace("{start}", dayTime(gap.start, zone))
    : dayTime(gap.start, zone) + " – " + dayTime(gap.end, zone, gap.start) + (lang === "zh" ? "（" : " (") + gapLength(end - start) + (lang === "zh" ? "）" : ")");
  const shows = gap.shows || [];
  const item = el("li", { class: "gap" + (shows.length > 0 ? " during-show" : ""), "data-level": String(gap.level), "data-start": gap.start },
    el("span", { class: "gap-when", text: t("Level") + " " + gap.level + (lang === "zh" ? "：" : ": ") + when }),
    el("span", { class: "gap-then", text: t(gap.level > 0 ? "nobody, level 0 is paged" : "nobody: an alert names nobody") }));
  if (shows.length > 0) {
    // The first few by name (a week-long gap at a busy site falls on dozens).
    const list = shows.slice(0, GAP_SHOWS_NAMED).map((s) => s.title + (lang === "zh" ? "（" : " (") + s.roomName + " " + dayTime(s.start, zone) + (lang === "zh" ? "）" : ")")).join(lang === "zh" ? "；" : "; ")
      + (shows.length > GAP_SHOWS_NAMED ? " " + t("and {n} more shows").replace("{n}", String(shows.length - GAP_SHOWS_NAMED)) : "");
    item.append(el("span", { class: "gap-shows", text: t(shows.length === 1 ? "during 1 show: " : "during {n} shows: ").replace("{n}", String(shows.length)) + list }));
  }
  return item;
}

async function loadGaps() {
  const asked = Date.now();
  const gaps = await api("api/alerting/gaps");
  const name = (id) => (sites.find((s) => s.id === id) || {}).name || id;
  const shown = [...new Set([...sites.map((s) => s.id), ...gaps.map((g) => g.site)])];
  $("gaps").replaceChildren(...shown.map((site) => {
    const own = gaps.filter((g) => g.site === site);
    return el("li", { "data-site": site }, el("strong", { text: name(site) }),
      own.length === 0 ? el("span", { class: "no-gaps", text: t("none: someone is on duty at every level") })
        : el("ul", {}, ...own.map((g) => gapItem(g, zoneOf(site), asked))));
  }));
}

async function saveRota() {
  const entries = [...$("rota").querySelectorAll("tbody tr")].map((row) => {
    const entry = { ...row.entry };
    for (const input of row.querySelectorAll("input[data-k]")) entry[input.dataset.k] = input.value.trim() || null;
    entry.level = Number(entry.level || 0);
    for (const k of ["from", "to"]) if (entry[k] && entry[k].length === 5) entry[k] += ":00";
    const ticked = [...row.querySelectorAll("input[data-day]:checked")].map((c) => c.dataset.day);
    entry.days = ticked.length > 0 && ticked.length < 7 ? ticked : null;
    entry.cover = row.querySelector("input[data-cover]").checked;
    return entry;
  });
  await api("api/alerting/rota", { method: "PUT", body: entries });
  await Promise.all([loadRota(), loadOnDuty(), loadGaps()]);
  done(t("Rota saved"));
}

function ruleRow(rule) {
  const row = el("tr", { "data-rule": rule.id }, el("td", { text: rule.id }), cell("Title", { text: t(rule.title) }), cell("Condition", { text: ruleCondition(rule, lang) }));
  if (!isAdmin()) {
    row.append(cell("Threshold", { text: hasThreshold(rule) ? String(rule.threshold) : "–" }), cell("For", { text: forText(rule.for, lang) }), cell("Severity", { text: t(rule.severity) }), cell("When", { text: applies(rule.applies) }), el("td"));
    return row;
  }
  const threshold = el("input", { class: "threshold", value: String(rule.threshold), size: "6" });
  const forInput = el("input", { class: "for", value: rule.for, size: "8", title: forText(rule.for, lang) });
  const severity = el("select", { class: "severity" }, ...["info", "warning", "critical"].map((s) => el("option", { value: s, text: t(s) })));
  severity.value = rule.severity;
  const save = el("button", { type: "button", class: "save", text: t("Save") });
  save.addEventListener("click", async () => {
    try {
      const changed = { ...rule, threshold: Number(threshold.value), for: forInput.value.trim(), severity: severity.value };
      await api("api/alerting/rules/" + encodeURIComponent(rule.id), { method: "PUT", body: changed });
      await loadRules();
      done(t("Rule saved") + ": " + rule.id);
    } catch (e) { problem(e.message); }
  });
  const remove = el("button", { type: "button", class: "delete", text: t("Delete") });
  remove.addEventListener("click", async () => {
    if (!confirm(t("Delete rule") + " " + rule.id + "?")) return;
    try {
      await api("api/alerting/rules/" + encodeURIComponent(rule.id), { method: "DELETE" });
      await loadRules();
      done(t("Rule deleted") + ": " + rule.id);
    } catch (e) { problem(e.message); }
  });
  row.append(cell("Threshold", {}, threshold), cell("For", {}, forInput), cell("Severity", {}, severity), cell("When", { text: applies(rule.applies) }), el("td", {}, el("div", { class: "row-buttons" }, save, remove)));
  return row;
}

async function loadRules() {
  rules = await api("api/alerting/rules");
  $("rules").querySelector("tbody").replaceChildren(...rules.map(ruleRow));
  $("sRule").replaceChildren(el("option", { value: "", text: t("all rules") }), ...rules.map((r) => el("option", { value: r.id, text: t(r.title) + " (" + r.id + ")" })));
}

function fillRooms() {
  const site = sites.find((s) => s.id === $("sSite").value);
  $("sRoom").replaceChildren(el("option", { value: "", text: t("all rooms") }), ...(site ? site.rooms : []).map((r) => el("option", { value: r.id, text: r.name })));
}

async function addSilence(event) {
  event.preventDefault();
  const from = new Date($("sFrom").value), until = new Date($("sUntil").value);
  const silence = {
    id: "silence-" + Date.now().toString(36),
    site: $("sSite").value || null, room: $("sRoom").value || null, ruleId: $("sRule").value || null,
    startsAt: from.toISOString(), endsAt: until.toISOString(), createdBy: me.name, comment: $("sComment").value.trim() || null,
  };
  try {
    await api("api/alerting/silences", { method: "POST", body: silence });
    await loadSilences();
    done(t("Silence added") + ": " + silence.id);
  } catch (e) { problem(e.message); }
}

const local = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

async function start() {
  me = await requireUser();
  header(me, t("Alerts"));
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  sites = await api("api/sites/");
  // A silence for every site needs every site: only for someone not limited to some.
  const everySite = !me.sites || me.sites.length === 0 ? [el("option", { value: "", text: t("all sites") })] : [];
  $("sSite").replaceChildren(...everySite, ...sites.map((s) => el("option", { value: s.id, text: s.name + " (" + s.id + ")" })));
  $("sSite").addEventListener("change", fillRooms);
  fillRooms();
  const now = new Date();
  $("sFrom").value = local(now);
  $("sUntil").value = local(new Date(now.getTime() + 2 * 3600e3));
  $("silenceForm").hidden = !maySilence();
  $("silenceForm").addEventListener("submit", addSilence);
  $("rotaEdit").hidden = !isAdmin();
  $("zones").replaceChildren(...[...new Set([...sites.map((s) => s.timeZone), "UTC"])].map((z) => el("option", { value: z })));
  const newEntry = () => ({ site: sites[0] ? sites[0].id : "*", level: 0, name: "" });
  $("rotaAdd").addEventListener("click", () => $("rota").querySelector("tbody").append(rotaRow(newEntry())));
  // A cover for today on the site's clock, all day: the admin names who, the level and the last date.
  $("rotaCover").addEventListener("click", () => {
    const entry = newEntry(), zone = zoneOf(entry.site), today = dateIn(zone);
    $("rota").querySelector("tbody").append(rotaRow({ ...entry, level: 1, timeZone: zone, firstDate: today, lastDate: today, cover: true }));
  });
  $("rotaSave").addEventListener("click", () => saveRota().catch((e) => problem(e.message)));
  $("testNoticeForm").hidden = !maySilence();
  $("tSite").replaceChildren(...sites.map((s) => el("option", { value: s.id, text: s.name || s.id })));
  $("tSite").addEventListener("change", fillTestLevels);
  $("testNoticeForm").addEventListener("submit", (e) => sendTestNotice(e).catch((x) => problem(x.message)));
  await Promise.all([loadRules().then(loadSilences), loadRota(), loadOnDuty(), loadGaps(), loadChannels(),
    followOpenAlerts(me, { resolve: true, withRoom: true, section: $("openAlertsBox"), note: $("openAlertsNote"), list: $("openAlerts") })]);
  // Shifts change while the page is open.
  setInterval(() => Promise.all([loadOnDuty(), loadGaps()]).catch((e) => problem(e.message)), 60000);
  done("");
}

start().catch((e) => problem(e.message));
