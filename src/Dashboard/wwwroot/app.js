// Room wall: one tile per room, grouped by site, kept live by the server-sent events of
// GET api/rooms/live/events (no polling, no reloads). Text goes in with textContent only.
import { el, header, requireUser, t, toLogin, api } from "./api.js";

const tiles = new Map(); // "site/room" -> { tile, history: [fps...] }
const HISTORY = 60;
const SVG = "http://www.w3.org/2000/svg";

function fmtBitrate(bps) {
  if (bps == null) return "–";
  return bps >= 1e6 ? (bps / 1e6).toFixed(2) + " Mbit/s" : (bps / 1e3).toFixed(0) + " kbit/s";
}
const fmtFps = (fps) => fps == null ? "–" : fps.toFixed(2) + " fps";
const fmtResolution = (r) => r.width == null || r.height == null ? "–" : Math.round(r.width) + "x" + Math.round(r.height);

function row(dl, label, value, failing) {
  dl.append(el("dt", { text: t(label) }), el("dd", { text: value, class: failing ? "fail" : "" }));
}

function siteSection(site) {
  const id = "site-" + site;
  let section = document.getElementById(id);
  if (!section) {
    section = el("section", { id, class: "site-group" }, el("h2", { text: site }), el("div", { class: "wall" }));
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
      el("h3", {}, link), el("div", { class: "verdict" }), el("dl"), spark());
    entry = { tile, history: [] };
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
  svg.setAttribute("viewBox", "0 0 " + HISTORY + " 20");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.append(document.createElementNS(SVG, "polyline"));
  return svg;
}

function drawSpark(entry) {
  const line = entry.tile.querySelector("polyline");
  const pts = entry.history.map((v, i) => i + "," + (20 - Math.max(0, Math.min(20, (v ?? 0) * 20 / 35))).toFixed(1));
  line.setAttribute("points", pts.join(" "));
}

function render(entry, r) {
  const { tile } = entry;
  const verdict = tile.querySelector(".verdict");
  const dl = tile.querySelector("dl");
  dl.replaceChildren();
  entry.history.push(r && !r.stale ? r.fps : null);
  if (entry.history.length > HISTORY) entry.history.shift();
  drawSpark(entry);
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
  row(dl, "age", r.ageSeconds == null ? "–" : r.ageSeconds.toFixed(1) + " s");
}

function showAlerts(entry, alerts) {
  let box = entry.tile.querySelector(".alerts");
  if (!box) { box = el("ul", { class: "alerts" }); entry.tile.append(box); }
  box.replaceChildren(...alerts.map((a) => el("li", { text: "⚠ " + a.type + (a.message ? ": " + a.message : "") + (a.since ? " (" + new Date(a.since).toLocaleTimeString() + ")" : "") })));
}

// Room lifecycle state words (issue 6 item 4), as on the door sign: Chinese and English.
const STATE_WORDS = {
  free: ["空闲", "FREE"], booked: ["已预约", "BOOKED"], "pre-show": ["准备中", "PRE-SHOW"], ready: ["就绪", "READY"],
  "not-ready": ["未就绪", "NOT READY"], live: ["直播中", "ON AIR"], fault: ["故障", "FAULT"], ended: ["已结束", "ENDED"],
  offline: ["离线", "OFFLINE"], unknown: ["未知", "UNKNOWN"],
};

function showState(entry, st) {
  let badge = entry.tile.querySelector(".state");
  if (!st) { if (badge) badge.remove(); return; }
  if (!badge) { badge = el("div"); entry.tile.querySelector("h3").after(badge); }
  const [zh, en] = STATE_WORDS[st.state] || [st.state, st.state.toUpperCase()];
  const progress = st.state === "pre-show" && st.checklist ? " " + st.checklist.passed + "/" + st.checklist.total : "";
  badge.className = "state state-" + (STATE_WORDS[st.state] ? st.state : "unknown");
  badge.dataset.state = st.state;
  badge.replaceChildren(el("strong", { text: zh + " " + en + progress }));
  const detail = [st.unscheduled ? "unscheduled" : "", st.reason, st.show ? st.show.title : ""].filter((x) => x).join(" · ");
  if (detail) badge.append(el("span", { class: "state-detail", text: detail }));
}

function show(body) {
  const seen = new Set();
  const states = new Map((body.states || []).map((st) => [st.site + "/" + st.room, st]));
  for (const r of body.rooms) {
    seen.add(r.site + "/" + r.room);
    const entry = entryFor(r.site, r.room);
    render(entry, r);
    showAlerts(entry, (body.alerts || []).filter((a) => a.site === r.site && a.room === r.room));
  }
  // A room whose edge reports a state but no stream data still gets a tile (free, booked, offline…).
  for (const st of states.values()) entryFor(st.site, st.room);
  for (const [key, entry] of tiles) if (!seen.has(key)) render(entry, null);
  for (const [key, entry] of tiles) showState(entry, states.get(key));
  document.getElementById("empty").hidden = tiles.size > 0;
  const status = document.getElementById("status");
  status.className = "status";
  status.textContent = t("updated") + " " + new Date(body.generatedAt).toLocaleTimeString();
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

function unavailable(message) {
  const status = document.getElementById("status");
  status.className = "status error";
  status.textContent = t("no data") + ": " + message;
  for (const entry of tiles.values()) render(entry, null);
}

async function start() {
  const me = await requireUser();
  header(me, t("Room wall"));
  document.getElementById("empty").textContent = t("No room has reported in the last minute.");
  const events = new EventSource("api/rooms/live/events");
  events.addEventListener("rooms", (e) => show(JSON.parse(e.data)));
  events.addEventListener("unavailable", (e) => unavailable(JSON.parse(e.data)));
  events.onerror = async () => {
    // The stream ends when the session does; EventSource reconnects by itself otherwise.
    try { const m = await api("api/auth/me"); if (!m.signedIn) toLogin(); } catch { /* shown by the next event */ }
  };
}

start();
