// Room page: uPlot panels over a Grafana-like time range (presets, custom range, drag to zoom, shared crosshair).
// The server downsamples to the panel's pixel width; this page never asks for more points than it can draw.
import uPlot from "./lib/uPlot.esm.js";
import { api, browserZone, clock, el, followOpenAlerts, header, lang, otherZone, requireUser, showCollectorBanner, t, tf } from "./api.js";
import { startVision } from "./room-vision.js";
import { startChecklist } from "./room-checklist.js";
import { axisSize, tickLabel, timeAxisValues, timeValue, valueLabel } from "./room-format.js";
import { eventText } from "./event-words.js";
import { fillStateBadge } from "./state-badge.js";

const PRESETS = [["15m", 9e5], ["1h", 36e5], ["6h", 216e5], ["24h", 864e5], ["7d", 6048e5], ["30d", 2592e6], ["90d", 7776e6]];
const params = new URLSearchParams(location.search);
const site = params.get("site") || "";
const room = params.get("room") || "";
const plots = new Map();
let range = initialRange();
let events = [];
let shows = [];
let vision = null;

// Events (incidents) as red vertical lines on every panel's time axis.
function drawEvents(u) {
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.strokeStyle = "rgba(242, 139, 130, 0.8)";
  ctx.lineWidth = 1;
  for (const e of events) {
    const x = Math.round(u.valToPos(e.time / 1000, "x", true));
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
  }
  ctx.restore();
}

// Times on this page are the browser's; a site in another zone gets its clock beside the room's name, and each show its
// times as the site's schedule reads them.
// siteZone: the site's zone when it is not the browser's (api.js otherZone), else null.
let siteZone = null;
let siteAsked = false;
const fmtShowTime = (s) => new Date(s.start).toLocaleString() + " – " + new Date(s.end).toLocaleTimeString()
  + (siteZone ? " (" + clock(s.start, siteZone) + "–" + clock(s.end, siteZone) + " " + siteZone + ")" : "");

function showSiteClock() {
  const box = document.getElementById("siteClock");
  box.hidden = !siteZone;
  box.textContent = siteZone ? t("site time") + " " + clock(Date.now(), siteZone) + " " + siteZone + " · " + t("times here") + ": " + browserZone : "";
}

// The site's zone: from its shows, else from the site itself, asked once (a reader the site API refuses keeps the browser's).
async function loadSiteZone(list) {
  const named = list.find((s) => s.timeZone);
  if (named) { siteZone = otherZone(named.timeZone); return; }
  if (siteAsked) return;
  siteAsked = true;
  try { siteZone = otherZone((await api(`api/sites/${encodeURIComponent(site)}`)).timeZone); } catch { /* not known */ }
}

// Shows as shaded bands (title on hover) and events as hover marks, laid over the plot area; the plot's own cursor,
// drag-to-zoom and shared crosshair still work (the marks pass the mouse events on to it).
function drawMarks(u) {
  let layer = u.over.querySelector(".marks");
  if (!layer) { layer = el("div", { class: "marks" }); u.over.prepend(layer); }
  const width = u.over.clientWidth;
  const bands = [];
  for (const s of shows) {
    const left = Math.max(0, u.valToPos(s.start / 1000, "x")), right = Math.min(width, u.valToPos(s.end / 1000, "x"));
    if (!(right > left)) continue;
    const band = el("div", { class: "show-band", "data-show": s.id, title: s.title + "\n" + fmtShowTime(s) }, el("span", { text: s.title }));
    band.style.left = left + "px"; band.style.width = (right - left) + "px";
    bands.push(band);
  }
  for (const e of events.slice(0, 200)) {
    const x = u.valToPos(e.time / 1000, "x");
    if (x < 0 || x > width) continue;
    const mark = el("div", { class: "event-mark", "data-type": e.type, title: new Date(e.time).toLocaleString() + " — " + eventText(e, lang) });
    mark.style.left = (x - 3) + "px";
    bands.push(mark);
  }
  layer.replaceChildren(...bands);
}

function listShows() {
  document.getElementById("shows").replaceChildren(...shows.map((s) => el("li", { "data-show": s.id, text: fmtShowTime(s) + " — " + s.title + (s.host ? " (" + s.host + ")" : "") })));
}

// The room's shows overlapping the range (the dashboard's schedule); a site the schedule does not know has none.
async function loadShows() {
  try {
    const list = await api(`api/sites/${encodeURIComponent(site)}/shows?room=${encodeURIComponent(room)}&from=${range.from}&to=${range.to}`);
    await loadSiteZone(list);
    return list.map((s) => ({ id: s.id, title: s.title, host: s.host, start: Date.parse(s.start), end: Date.parse(s.end) }));
  } catch {
    return [];
  }
}

function showEvents() {
  const list = document.getElementById("events");
  list.replaceChildren(...events.slice(0, 50).map((e) => el("li", { "data-type": e.type, text: new Date(e.time).toLocaleString() + " — " + eventText(e, lang) })));
}

function initialRange() {
  const from = Number(params.get("from")), to = Number(params.get("to"));
  if (from && to) return { from, to, preset: null };
  const preset = PRESETS.find(([k]) => k === params.get("range")) || PRESETS[1];
  return { from: Date.now() - preset[1], to: Date.now(), preset: preset[0] };
}

function setRange(from, to, preset) {
  range = { from: Math.round(from), to: Math.round(to), preset };
  const q = new URLSearchParams({ site, room });
  if (preset) q.set("range", preset); else { q.set("from", range.from); q.set("to", range.to); }
  history.replaceState(null, "", "room.html?" + q);
  load();
}

const toLocal = (ms) => { const d = new Date(ms - new Date(ms).getTimezoneOffset() * 6e4); return d.toISOString().slice(0, 16); };

function panelBox(p) {
  let box = document.getElementById("panel-" + p.id);
  if (!box) {
    box = el("section", { id: "panel-" + p.id, class: "panel" }, el("h3", { text: t(p.title) }), el("div", { class: "chart" }), el("p", { class: "panel-message" }));
    document.getElementById("panels").append(box);
  }
  return box;
}

function draw(p) {
  const box = panelBox(p);
  const message = box.querySelector(".panel-message");
  const chart = box.querySelector(".chart");
  plots.get(p.id)?.destroy();
  plots.delete(p.id);
  chart.replaceChildren();
  box.dataset.points = String(p.times.length);
  if (p.error) { message.textContent = "InfluxDB: " + p.error; box.classList.add("error"); return; }
  box.classList.remove("error");
  message.textContent = p.times.length ? "" : t("no data");
  const colors = ["#4fc3f7", "#ffb74d", "#81c995", "#f28b82"];
  const opts = {
    width: chart.clientWidth || 600,
    height: 180,
    cursor: { sync: { key: "room" }, drag: { x: true, y: false } },
    scales: { x: { time: true, min: range.from / 1000, max: range.to / 1000 } },
    axes: [{ stroke: "#9aa0a6", grid: { stroke: "#2a313a" }, values: timeAxisValues }, { stroke: "#9aa0a6", grid: { stroke: "#2a313a" }, size: axisSize, values: (u, vals, axis, space, step) => vals.map((v) => tickLabel(p.unit, v, step)) }],
    series: [{ label: t("Time"), value: timeValue }, ...p.series.map((s, i) => ({ label: t(s.name), stroke: colors[i % colors.length], value: (u, v) => valueLabel(p.unit, v), spanGaps: false }))],
    hooks: {
      draw: [drawEvents, drawMarks],
      setSelect: [(u) => {
        if (u.select.width < 5) return;
        const from = u.posToVal(u.select.left, "x") * 1000, to = u.posToVal(u.select.left + u.select.width, "x") * 1000;
        setRange(from, to, null);
      }],
    },
  };
  const data = [p.times.map((ms) => ms / 1000), ...p.series.map((s) => s.values)];
  plots.set(p.id, new uPlot(opts, data, chart));
}

async function load() {
  if (range.preset) { const span = PRESETS.find(([k]) => k === range.preset)[1]; range.to = Date.now(); range.from = range.to - span; }
  document.getElementById("from").value = toLocal(range.from);
  document.getElementById("to").value = toLocal(range.to);
  for (const b of document.querySelectorAll("#presets button")) b.classList.toggle("active", b.dataset.range === range.preset);
  const info = document.getElementById("info");
  const width = Math.max(100, Math.min(4000, Math.round(document.getElementById("panels").clientWidth || 1000)));
  vision?.loadThumbs(range.from, range.to);
  const showsLoading = loadShows();
  try {
    const body = await api(`api/rooms/${encodeURIComponent(site)}/${encodeURIComponent(room)}/series?from=${range.from}&to=${range.to}&width=${width}`);
    shows = await showsLoading;
    showSiteClock();
    listShows();
    info.className = "status";
    info.textContent = tf("{n} s / point ({source})", { n: body.intervalSeconds, source: t(body.source) });
    events = body.events || [];
    showEvents();
    for (const p of body.panels) draw(p);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  } catch (e) {
    info.className = "status error";
    info.textContent = e.message;
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }
}

// The room's state as its edge last published it (free, pre-show 7/9, ON AIR, NOT READY with why…), as on the door
// sign and the wall's tile; none until the edge has said anything (404).
async function followState() {
  const badge = document.getElementById("roomState");
  const refresh = async () => {
    try { fillStateBadge(badge, await api(`api/rooms/${encodeURIComponent(site)}/${encodeURIComponent(room)}/state`)); badge.hidden = false; }
    catch { badge.hidden = true; }
  };
  await refresh();
  setInterval(refresh, 5000);
}

async function start() {
  const me = await requireUser();
  header(me, "LiveRoom");
  // Whether the charts are current: the collector's status every 10 s (a banner when metrics are not being collected).
  // Asked once before the rest lays out, so the banner does not push the charts and the reference editor down later.
  const collector = async () => { try { showCollectorBanner(await api("api/collector")); } catch { /* shown by the next try */ } };
  await collector();
  setInterval(collector, 10000);
  // The collector's open alerts of this room, with Acknowledge, and Resolve with a note, for those who may act.
  await followOpenAlerts(me, {
    query: `?site=${encodeURIComponent(site)}&room=${encodeURIComponent(room)}`, resolve: true,
    section: document.getElementById("openAlertsBox"), note: document.getElementById("openAlertsNote"), list: document.getElementById("openAlerts"),
  });
  setInterval(showSiteClock, 30000); // the site's clock keeps time on a page left open
  await followState();
  vision = startVision(site, room, me);
  startChecklist(site, room, me);
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.getElementById("roomName").textContent = site + " / " + room;
  document.title = "LiveRoom — " + site + "/" + room;
  const presets = document.getElementById("presets");
  for (const [key] of PRESETS) {
    const b = el("button", { type: "button", "data-range": key, text: key });
    b.addEventListener("click", () => setRange(0, 0, key));
    presets.append(b);
  }
  document.getElementById("apply").addEventListener("click", () => {
    const from = new Date(document.getElementById("from").value).getTime();
    const to = new Date(document.getElementById("to").value).getTime();
    setRange(from, to, null);
  });
  await load();
  // Short presets follow the present, as Grafana's refresh does.
  setInterval(() => { if (range.preset && ["15m", "1h"].includes(range.preset)) load(); }, 10000);
}

start();
