// Compliance report per room and period: a table, printable, and the same figures as CSV from the API.
import { api, el, header, requireUser, t, tf } from "./api.js";

const DAY = 864e5;
let from = Date.now() - 30 * DAY, to = Date.now();
const pct = (v) => v == null ? "–" : v.toFixed(1);

async function load() {
  document.getElementById("from").value = new Date(from).toISOString().slice(0, 10);
  document.getElementById("to").value = new Date(to).toISOString().slice(0, 10);
  const q = `from=${Math.round(from)}&to=${Math.round(to)}`;
  document.getElementById("csv").href = "api/reports/compliance?" + q + "&format=csv";
  document.getElementById("title").textContent = t("Compliance") + " " + new Date(from).toISOString().slice(0, 10) + " – " + new Date(to).toISOString().slice(0, 10);
  const info = document.getElementById("info");
  try {
    const report = await api("api/reports/compliance?" + q);
    info.className = "status";
    info.textContent = "(" + t(report.source === "rollup" ? "from the 1-minute rollup" : "from the raw points") + ")";
    const body = document.querySelector("#table tbody");
    body.replaceChildren(...report.rooms.map((r) => el("tr", { "data-room": r.room },
      el("td", { text: r.site }), el("td", { text: r.room }), el("td", { text: String(r.reportedMinutes) }),
      el("td", { text: pct(r.percentAt1080p30) }), el("td", { text: pct(r.percentUplinkAtLeast4Mbps) }),
      el("td", { text: pct(r.percentStreamBitrateAtLeast4Mbps) }), el("td", { text: String(r.events) }))));
  } catch (e) {
    info.className = "status error";
    info.textContent = e.message;
  }
  await loadShows(q);
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

const yes = (b) => b ? "✓" : "✗";
const num = (v) => v == null ? "–" : String(v);

async function loadShows(q) {
  document.getElementById("showsCsv").href = "api/reports/shows?" + q + "&format=csv";
  const body = document.querySelector("#shows tbody");
  const summary = document.getElementById("showsSummary");
  try {
    const report = await api("api/reports/shows?" + q);
    body.replaceChildren(...report.shows.map((s) => el("tr", { "data-show": s.showId },
      el("td", { text: s.site + "/" + s.room }),
      el("td", {}, el("a", { href: `show.html?site=${encodeURIComponent(s.site)}&id=${encodeURIComponent(s.showId)}`, text: s.title })),
      el("td", { text: new Date(s.start).toLocaleString() }),
      el("td", { text: pct(s.percentAt1080p30) }), el("td", { text: pct(s.percentStreamBitrateAtLeast4Mbps) }),
      el("td", { text: s.checklist.started ? tf("{n} min before", { n: num(s.checklist.leadMinutes) }) : t("none") }),
      el("td", { text: yes(s.checklist.onTime) }), el("td", { text: yes(s.checklist.passed) }),
      el("td", { text: s.incidents.available ? String(s.incidents.count) : t("n/a") }),
      el("td", { text: num(s.incidents.meanMinutesToAcknowledge) }), el("td", { text: num(s.incidents.meanMinutesToResolve) }))));
    const n = report.shows.length;
    const onTime = report.shows.filter((s) => s.checklist.onTime).length;
    const passed = report.shows.filter((s) => s.checklist.passed).length;
    summary.textContent = n === 0 ? t("No shows scheduled in this period.") : tf("{n} show(s): checklist on time {onTime}/{n}, passed {passed}/{n}.", { n, onTime, passed });
  } catch (e) {
    summary.className = "note error";
    summary.textContent = e.message;
  }
}

async function start() {
  const me = await requireUser();
  header(me, t("Reports"));
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  for (const days of [1, 7, 30, 90]) {
    const b = el("button", { type: "button", "data-days": String(days), text: days + "d" });
    b.addEventListener("click", () => { to = Date.now(); from = to - days * DAY; load(); });
    document.getElementById("periods").append(b);
  }
  document.getElementById("apply").addEventListener("click", () => {
    from = new Date(document.getElementById("from").value + "T00:00:00Z").getTime();
    to = Math.min(Date.now(), new Date(document.getElementById("to").value + "T00:00:00Z").getTime() + DAY);
    load();
  });
  document.getElementById("print").addEventListener("click", () => window.print());
  await load();
}

start();
