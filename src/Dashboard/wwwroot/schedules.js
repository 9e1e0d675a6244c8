// Schedules: a site's shows for the next 30 days, per room; create, delete and import (.ics/.csv) for technicians,
// managers and admins. Times are entered and shown in the site's time zone. Errors are shown verbatim (the API's
// problem detail names the line, the overlapping show, …). Text reaches the page through textContent only.
import { api, el, header, labelledCell, problem, requireUser, sendChange, t } from "./api.js";

const $ = (id) => document.getElementById(id);
let me = null;
let sites = [];

// Minutes east of UTC of zone tz at the instant date.
function offsetAt(date, tz) {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - date.getTime()) / 60000);
}

// "2026-11-02T20:00" on the wall clock of tz -> ISO 8601 UTC.
function zonedToIso(local, tz) {
  const guess = new Date(local + ":00Z");
  let utc = new Date(guess.getTime() - offsetAt(guess, tz) * 60000);
  utc = new Date(guess.getTime() - offsetAt(utc, tz) * 60000);
  return utc.toISOString();
}

const localText = (iso) => iso.slice(0, 16).replace("T", " ");
const site = () => sites.find((s) => s.id === $("site").value);
const mayEdit = () => ["technician", "manager", "admin"].some((r) => me.roles.includes(r));

async function load() {
  const s = site();
  if (!s) return;
  $("zone").textContent = t("Time zone") + ": " + s.timeZone;
  const room = $("room").value;
  const now = new Date();
  const to = new Date(now.getTime() + 30 * 86400000);
  const query = "?from=" + encodeURIComponent(now.toISOString()) + "&to=" + encodeURIComponent(to.toISOString()) + (room ? "&room=" + encodeURIComponent(room) : "");
  const shows = await api("api/sites/" + encodeURIComponent(s.id) + "/shows" + query);
  const rows = shows.map((sh) => {
    const actions = el("td");
    if (mayEdit()) {
      const del = el("button", { type: "button", class: "delete", text: t("Delete") });
      del.addEventListener("click", async () => {
        problem(null);
        try { await api("api/sites/" + encodeURIComponent(s.id) + "/shows/" + encodeURIComponent(sh.id), { method: "DELETE" }); await load(); } catch (e) { problem(e.message); }
      });
      actions.append(del);
    }
    // Each cell names its column (data-label): on a phone the rows become cards (app.css, table.cards).
    const cell = (label, text) => labelledCell(label, { text });
    return el("tr", { "data-show": sh.id }, el("td", { text: sh.room }), cell("Start", localText(sh.localStart)), cell("End", localText(sh.localEnd)),
      cell("Title", sh.title), cell("Host", sh.host), actions);
  });
  $("table").querySelector("tbody").replaceChildren(...rows);
  $("none").hidden = rows.length > 0;
  $("info").textContent = t("updated") + " " + new Date().toLocaleTimeString();
}

function fillRooms() {
  const s = site();
  const rooms = s ? s.rooms : [];
  const option = (r) => el("option", { value: r.id, text: r.id + (r.name && r.name !== r.id ? " — " + r.name : "") });
  $("room").replaceChildren(el("option", { value: "", text: t("All rooms") }), ...rooms.map(option));
  // The new show's room: the one the list shows, or one to choose (the form will not send without it).
  $("newRoom").replaceChildren(el("option", { value: "", text: t("Choose a room") }), ...rooms.map(option));
  if (rooms.length === 1) $("newRoom").value = rooms[0].id;
}

async function create(ev) {
  ev.preventDefault();
  problem(null);
  const s = site();
  const room = $("newRoom").value;
  if (!room) { problem(t("Choose the room for the show.")); return; }
  try {
    await api("api/sites/" + encodeURIComponent(s.id) + "/shows", {
      method: "POST",
      body: { room, title: $("title").value, host: $("host").value, start: zonedToIso($("start").value, s.timeZone), end: zonedToIso($("end").value, s.timeZone) },
    });
    $("result").textContent = t("Created") + ": " + $("title").value;
    await load();
  } catch (e) { problem(e.message); }
}

async function upload(ev) {
  ev.preventDefault();
  problem(null);
  const file = $("file").files[0];
  if (!file) return;
  const type = /\.csv$/i.test(file.name) ? "text/csv" : "text/calendar";
  const r = await sendChange("api/sites/" + encodeURIComponent(site().id) + "/shows/import", {
    body: await file.text(), headers: { "Content-Type": type },
  });
  const data = await r.json().catch(() => null);
  if (!r.ok) { problem((data && (data.detail || data.title)) || ("HTTP " + r.status)); return; }
  // A re-import syncs by calendar UID: say what changed, not only what is new.
  const counts = [[t("Imported"), data.added ?? data.created], [t("updated"), data.updated], [t("unchanged"), data.unchanged], [t("removed"), data.removed]]
    .filter(([, n], i) => i === 0 || n).map(([label, n]) => label + ": " + n).join(", ");
  $("result").textContent = counts + (data.skippedPast ? ", " + t("skipped (past)") + ": " + data.skippedPast : "")
    + (data.beyondHorizon ? ", " + t("cut at horizon") + " (" + data.horizonDays + " d): " + data.beyondHorizon : "");
  await load();
}

async function start() {
  me = await requireUser();
  header(me, t("Schedules"));
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  $("none").textContent = t("No upcoming shows in the next 30 days.");
  sites = await api("api/sites/");
  $("site").replaceChildren(...sites.map((s) => el("option", { value: s.id, text: s.name + " (" + s.id + ")" })));
  const params = new URLSearchParams(location.search);
  if (params.get("site")) $("site").value = params.get("site");
  fillRooms();
  if (params.get("room")) $("room").value = $("newRoom").value = params.get("room");
  $("editor").hidden = !mayEdit() || sites.length === 0;
  $("site").addEventListener("change", () => { fillRooms(); load().catch((e) => problem(e.message)); });
  $("room").addEventListener("change", () => {
    if ($("room").value) $("newRoom").value = $("room").value;
    load().catch((e) => problem(e.message));
  });
  $("create").addEventListener("submit", create);
  $("upload").addEventListener("submit", (e) => upload(e).catch((x) => problem(x.message)));
  if (sites.length === 0) { $("none").hidden = false; $("none").textContent = t("No site is configured yet."); return; }
  await load();
}

start().catch((e) => problem(e.message));
