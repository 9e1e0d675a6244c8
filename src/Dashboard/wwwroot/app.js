// Room wall: one tile per room, grouped by site, kept live by the server-sent events of
// GET api/rooms/live/events (no polling, no reloads). Text goes in with textContent only.
import { el, header, requireUser, t, toLogin, api, showCollectorBanner, clock, dayTime, otherZone, alertItems, alertsKey, mayActOnAlerts, lang } from "./api.js";
import { eventText } from "./event-words.js";
import { fillStateBadge } from "./state-badge.js";
import { addSparkValue, sparkPath, SPARK_POINTS, SPARK_HEIGHT } from "./spark.js";

let me = null;

const tiles = new Map(); // "site/room" -> { tile, spark: [{ t, v }...] (bitrate per 10 s bucket), thumbTime }
const THUMB_EVERY_MS = 30000;
const SVG = "http://www.w3.org/2000/svg";

function fmtBitrate(bps) {
  if (bps == null) return "–";
  return bps >= 1e6 ? (bps / 1e6).toFixed(2) + " Mbit/s" : (bps / 1e3).toFixed(0) + " kbit/s";
}
const fmtFps = (fps) => fps == null ? "–" : fps.toFixed(2) + " fps";
// Times on a tile are the site's (where the show happens), 24-hour (api.js clock); the browser's zone when the site's is unknown.
// The uplink: the NIC's transmit rate now (the passive uplink), and the last active test's result when there is one.
// A NIC sending less than half the stream's bit rate cannot be the stream's way out (the encoder pushes through another
// interface than Probe:Network:Interface, or from another PC): the tile says so rather than show 0 kbit/s as the uplink.
// Only that note is marked, not the test's result beside it.
function fmtUplink(r) {
  const parts = [];
  if (r.txBps != null) {
    parts.push(t("NIC") + " " + fmtBitrate(r.txBps));
    if (notStreamPath(r)) parts.push(" ", el("span", { class: "fail", title: t("The stream does not leave through the NIC the edge measures (Probe:Network:Interface), or the encoder runs on another PC."), text: "(" + t("not the stream's path") + ")" }));
  }
  if (r.uplinkMbps != null) parts.push((parts.length ? " · " : "") + t("test") + " " + r.uplinkMbps.toFixed(1) + " Mbit/s");
  return parts.length ? parts : ["–"];
}
const notStreamPath = (r) => r.up === true && r.txBps != null && r.bitrateBps > 0 && r.txBps < r.bitrateBps / 2;
const fmtResolution = (r) => r.width == null || r.height == null ? "–" : Math.round(r.width) + "x" + Math.round(r.height);

// value: text, or the nodes and strings of the value.
function row(dl, label, value, failing) {
  dl.append(el("dt", { text: t(label) }), el("dd", { class: failing ? "fail" : "", "data-field": label }, ...(Array.isArray(value) ? value : [value])));
}

function siteSection(site) {
  const id = "site-" + site;
  let section = document.getElementById(id);
  if (!section) {
    section = el("section", { id, class: "site-group", "data-site": site }, el("h2", {}, el("span", { text: site }), el("span", { class: "site-clock", hidden: "" })), el("div", { class: "wall" }));
    const all = document.getElementById("sites");
    all.append(section);
    for (const s of [...all.querySelectorAll(".site-group")].sort((a, b) => a.id.localeCompare(b.id))) all.append(s);
  }
  return section.querySelector(".wall");
}

function entryFor(site, room) {
  const key = site + "/" + room;
  let entry = tiles.get(key);
  if (!entry) {
    const link = el("a", { href: "room.html?site=" + encodeURIComponent(site) + "&room=" + encodeURIComponent(room), text: room });
    const tile = el("article", { class: "tile", "data-site": site, "data-room": room },
      el("h3", {}, link), el("div", { class: "show", hidden: "" }), el("div", { class: "verdict" }), el("ul", { class: "open-alerts", hidden: "" }), el("dl"), spark(), el("div", { class: "thumb-box" }));
    entry = { tile, spark: [], thumbTime: null, thumbAsked: 0 };
    tiles.set(key, entry);
    const wall = siteSection(site);
    wall.append(tile);
    for (const tl of [...wall.children].sort((a, b) => a.dataset.room.localeCompare(b.dataset.room))) wall.append(tl);
  }
  return entry;
}

function spark() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", "0 0 " + (SPARK_POINTS - 1) + " " + SPARK_HEIGHT);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.dataset.points = "0";
  const title = document.createElementNS(SVG, "title");
  svg.append(title, document.createElementNS(SVG, "path"));
  return svg;
}

function drawSpark(entry) {
  const svg = entry.tile.querySelector(".spark");
  const line = sparkPath(entry.spark);
  svg.querySelector("path").setAttribute("d", line.d);
  svg.dataset.points = String(line.points);
  svg.dataset.segments = String(line.segments);
  svg.querySelector("title").textContent = t("bitrate") + ", 5 min: " + (line.min != null ? fmtBitrate(line.min) + " – " + fmtBitrate(line.max) : "–");
}

function showShow(entry, show, tz) {
  const box = entry.tile.querySelector(".show");
  if (!show) { box.hidden = true; box.replaceChildren(); delete entry.tile.dataset.show; return; }
  box.hidden = false;
  entry.tile.dataset.show = show.id;
  box.replaceChildren(el("span", { class: "show-title", text: show.title }),
    el("span", { class: "show-time", title: tz || "", text: clock(show.start, tz) + "–" + clock(show.end, tz) }));
}

// The newest evidence thumbnail: asked every 30 s (the server answers 304 while unchanged); a newer one replaces the image.
async function refreshThumb(entry) {
  const now = Date.now();
  if (now - entry.thumbAsked < THUMB_EVERY_MS) return;
  entry.thumbAsked = now;
  const { site, room } = entry.tile.dataset;
  try {
    const r = await fetch("api/rooms/" + encodeURIComponent(site) + "/" + encodeURIComponent(room) + "/thumbnails/latest", { cache: "no-cache" });
    if (!r.ok) return;
    const at = r.headers.get("X-Thumbnail-Time") || r.headers.get("Last-Modified");
    if (at === entry.thumbTime) return;
    // A data: URL (the page's policy allows self and data: images only), so the JPEG is fetched once.
    const url = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      r.blob().then((b) => reader.readAsDataURL(b), reject);
    });
    let img = entry.tile.querySelector("img.thumb");
    if (!img) {
      img = el("img", { class: "thumb", alt: "" });
      entry.tile.querySelector(".thumb-box").append(img, el("div", { class: "thumb-time" }));
    }
    img.src = url;
    img.title = new Date(Date.parse(at)).toLocaleString();
    img.dataset.time = at;
    entry.thumbTime = at;
    captionThumb(entry);
  } catch { /* next time */ }
}

// The picture is a still taken every few minutes (or on an event), not the live stream: its caption says when, and
// while the stream is down or silent it is greyed and says "before the stream stopped", so nobody reads a picture of a
// working camera as the room now.
function captionThumb(entry) {
  const box = entry.tile.querySelector(".thumb-box");
  const caption = box.querySelector(".thumb-time"), img = box.querySelector("img.thumb");
  if (!caption || !img) return;
  const stopped = entry.streamStopped === true;
  img.classList.toggle("stale", stopped);
  caption.textContent = t("picture") + " " + clock(Date.parse(img.dataset.time), entry.tz) + (stopped ? " · " + t("before the stream stopped") : "");
}

function render(entry, r) {
  const { tile } = entry;
  const verdict = tile.querySelector(".verdict");
  const dl = tile.querySelector("dl");
  dl.replaceChildren();
  if (r && !r.stale && r.lastSeen) addSparkValue(entry.spark, Date.parse(r.lastSeen), r.bitrateBps);
  drawSpark(entry);
  entry.streamStopped = !r || r.stale || r.up === false;
  captionThumb(entry);
  refreshThumb(entry);
  if (!r || r.stale) {
    tile.className = "tile stale";
    verdict.textContent = t("no data");
    if (r && r.ageSeconds != null) row(dl, "last seen", Math.round(r.ageSeconds) + " s");
    return;
  }
  const meets = r.up === true && r.meetsResolution && r.meetsFrameRate;
  tile.className = "tile " + (meets ? "ok" : "bad");
  verdict.textContent = t(r.up === false ? "stream DOWN" : meets ? "1080p30 OK" : "below 1080p30");
  row(dl, "resolution", fmtResolution(r), !r.meetsResolution);
  row(dl, "frame rate", fmtFps(r.fps), !r.meetsFrameRate);
  row(dl, "bitrate", fmtBitrate(r.bitrateBps));
  row(dl, "uplink", fmtUplink(r));
  row(dl, "age", r.ageSeconds == null ? "–" : r.ageSeconds.toFixed(1) + " s");
}

function showAlerts(entry, alerts, tz) {
  let box = entry.tile.querySelector(".alerts");
  if (!box) { box = el("ul", { class: "alerts" }); entry.tile.append(box); }
  box.replaceChildren(...alerts.map((a) => el("li", { "data-type": a.type, text: "⚠ " + eventText(a, lang) + (a.since ? " (" + t("since") + " " + clock(Date.parse(a.since), tz) + ")" : "") })));
}

// The collector's open alerts of this room, rebuilt only when one of them changed.
function showOpenAlerts(entry, alerts, tz) {
  const box = entry.tile.querySelector(".open-alerts");
  const key = alertsKey(alerts) + tz;
  if (entry.openAlertsKey === key) return;
  entry.openAlertsKey = key;
  box.hidden = alerts.length === 0;
  box.replaceChildren(...alertItems(alerts, { tz, mayAct: mayActOnAlerts(me) }));
}

// The site's zone, as its edges or its schedule give it: the first one named.
function siteZones(body) {
  const zones = new Map();
  for (const x of [...(body.states || []), ...(body.shows || [])]) if (x.timeZone && !zones.has(x.site)) zones.set(x.site, x.timeZone);
  return zones;
}

// A site in another zone than the browser's gets its own clock in its heading, so its show times read against it.
function showSiteClocks(zones, now) {
  for (const section of document.querySelectorAll(".site-group")) {
    const box = section.querySelector(".site-clock");
    const tz = otherZone(zones.get(section.dataset.site));
    box.hidden = !tz;
    box.textContent = tz ? clock(now, tz) + " " + tz : "";
    box.title = t("local time at the site");
  }
}

function showState(entry, st) {
  let badge = entry.tile.querySelector(".state");
  if (!st) { if (badge) badge.remove(); return; }
  if (!badge) { badge = el("div"); entry.tile.querySelector("h3").after(badge); }
  fillStateBadge(badge, st);
}

function show(body) {
  showCollector(body.collector);
  const seen = new Set();
  const states = new Map((body.states || []).map((st) => [st.site + "/" + st.room, st]));
  const scheduled = new Map((body.shows || []).map((s) => [s.site + "/" + s.room, s]));
  const zones = siteZones(body);
  for (const h of body.history || []) {
    const entry = entryFor(h.site, h.room);
    entry.spark = [];
    h.times.forEach((time, i) => addSparkValue(entry.spark, time, h.bitrateBps[i]));
  }
  for (const entry of tiles.values()) entry.tz = zones.get(entry.tile.dataset.site) || null;
  for (const r of body.rooms) {
    seen.add(r.site + "/" + r.room);
    const entry = entryFor(r.site, r.room);
    entry.tz = zones.get(r.site) || null;
    render(entry, r);
    showAlerts(entry, (body.alerts || []).filter((a) => a.site === r.site && a.room === r.room), zones.get(r.site));
  }
  // A room whose edge reports a state but no stream data still gets a tile (free, booked, offline…), as does one with an open alert.
  for (const st of states.values()) entryFor(st.site, st.room);
  const open = body.openAlerts || [];
  for (const a of open) entryFor(a.site, a.room);
  for (const [key, entry] of tiles) showOpenAlerts(entry, open.filter((a) => a.site + "/" + a.room === key), zones.get(entry.tile.dataset.site));
  for (const [key, entry] of tiles) if (!seen.has(key)) render(entry, null);
  for (const [key, entry] of tiles) {
    const st = states.get(key);
    showState(entry, st);
    // The edge's own word first (it also names the show being prepared); else the dashboard's schedule.
    const planned = scheduled.get(key);
    if (st && st.show) showShow(entry, st.show, st.timeZone);
    else if (planned) showShow(entry, { id: planned.id, title: planned.title, start: Date.parse(planned.start), end: Date.parse(planned.end) }, planned.timeZone);
    else showShow(entry, null);
  }
  document.getElementById("empty").hidden = tiles.size > 0;
  const status = document.getElementById("status");
  showSiteClocks(zones, Date.parse(body.generatedAt));
  // InfluxDB failed: no figures (the tiles say "no data"), but states, shows and open alerts above are current.
  status.className = body.metricsProblem ? "status error" : "status";
  status.textContent = (body.metricsProblem ? t("no data") + ": " + body.metricsProblem + " · " : "")
    + t("updated") + " " + clock(Date.parse(body.generatedAt), null, true) + collectorNote()
    + (body.openAlertsProblem ? " · " + t("open alerts unknown") + ": " + body.openAlertsProblem : "");
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

// The collector's status (banner and header note) is shared with the room page: api.js.
let collector = null;
function showCollector(c) {
  if (!c) return;
  collector = c;
  showCollectorBanner(c);
}
function collectorNote() {
  if (!collector || collector.state !== "running") return "";
  const standbys = (collector.group || []).filter((g) => g.role === "standby").map((g) => g.instance);
  const watchdogs = (collector.watchdogs || []).filter((w) => w.state === "online").map((w) => w.instance);
  // A single collector has no name to show; its watchdog still has.
  return (collector.instance ? " · " + t("collector") + " " + collector.instance + (collector.tookOverFrom ? " (" + t("took over from") + " " + collector.tookOverFrom + ")" : "") : "")
    + (standbys.length ? " · " + t("standby") + " " + standbys.join(", ") : "")
    + (watchdogs.length ? " · " + t("watchdog") + " " + watchdogs.join(", ") : "");
}

// Shows in the next 7 days during which nobody is on duty at level 0 (the rota's gaps, as the alerts page lists them):
// an alert then would name nobody. A banner for everyone who reads the rota (not a kiosk) links to the list; checked
// every 5 minutes. A failure to ask says nothing here (the collector's own banner covers the collector).
async function watchRotaGaps() {
  const banner = document.getElementById("rotaGaps");
  let zones = new Map();
  const check = async () => {
    let gaps;
    try {
      if (zones.size === 0) zones = new Map((await api("api/sites/")).map((s) => [s.id, s.timeZone]));
      gaps = await api("api/alerting/gaps");
    } catch { return; }
    const shows = new Map();
    for (const gap of gaps.filter((g) => g.level === 0)) for (const s of gap.shows || []) shows.set(gap.site + "/" + s.id, { ...s, site: gap.site });
    const list = [...shows.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    banner.hidden = list.length === 0;
    const [open, close] = lang === "zh" ? ["（", "）"] : [" (", ")"];
    const named = list.slice(0, 3).map((s) => dayTime(s.start, zones.get(s.site) || "UTC") + " " + s.title + open + s.roomName + close).join(lang === "zh" ? "；" : "; ")
      + (list.length > 3 ? " " + t("and {n} more shows").replace("{n}", String(list.length - 3)) : "");
    const headline = list.length === 1 ? "Nobody on duty at level 0 during 1 show in the next 7 days" : "Nobody on duty at level 0 during {n} shows in the next 7 days";
    banner.replaceChildren(t(headline).replace("{n}", String(list.length)),
      el("small", { text: named + " — " + t("an alert would name nobody: fill the rota on the alerts page") }));
    banner.dataset.shows = String(list.length);
  };
  await check();
  setInterval(check, 5 * 60000);
}

// The first reading failed (InfluxDB): the event stream that follows brings states, shows and open alerts all the same.
function unavailable(message) {
  const status = document.getElementById("status");
  status.className = "status error";
  status.textContent = t("no data") + ": " + message;
  for (const entry of tiles.values()) render(entry, null);
}

async function start() {
  me = await requireUser();
  header(me, t("Room wall"));
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.getElementById("empty").textContent = t("No room has reported in the last minute.");
  // Once: the last 5 minutes for the sparklines; the event stream then appends.
  try { show(await api("api/rooms/live?history=true")); } catch (e) { unavailable(e.message); }
  if (!me.roles.includes("kiosk")) watchRotaGaps();
  const events = new EventSource("api/rooms/live/events");
  events.addEventListener("collector", (e) => showCollector(JSON.parse(e.data)));
  events.addEventListener("rooms", (e) => show(JSON.parse(e.data)));
  events.onerror = async () => {
    // The stream ends when the session does; EventSource reconnects by itself otherwise.
    try { const m = await api("api/auth/me"); if (!m.signedIn) toLogin(); } catch { /* shown by the next event */ }
  };
}

start();
