// One show's report: compliance over the scheduled time, the pre-show checklist run item by item, incidents. Printable.
import { api, el, header, lang, requireUser, t, tf } from "./api.js";
import { itemName, itemStatus, itemText, latestItems } from "./checklist-words.js";

const pct = (v) => v == null ? "–" : v.toFixed(1) + " %";
const time = (v) => v ? new Date(v).toLocaleString() : "–";

async function start() {
  const me = await requireUser();
  header(me, "LiveRoom");
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.getElementById("print").addEventListener("click", () => window.print());
  const params = new URLSearchParams(location.search);
  const info = document.getElementById("info");
  try {
    const detail = await api(`api/reports/shows/${encodeURIComponent(params.get("site") || "")}/${encodeURIComponent(params.get("id") || "")}`);
    const r = detail.report;
    document.getElementById("title").textContent = `${r.title} — ${r.site}/${r.room}`;
    const facts = [
      ["Host", r.host || "–"], ["Scheduled", `${time(r.start)} – ${time(r.end)}`], ["Reported", tf("{n} min", { n: r.reportedMinutes })],
      ["1080p30", pct(r.percentAt1080p30)], ["Stream ≥ 4 Mbit/s", pct(r.percentStreamBitrateAtLeast4Mbps)], ["Uplink ≥ 4 Mbit/s", pct(r.percentUplinkAtLeast4Mbps)],
    ];
    document.getElementById("facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: t(k) }), el("dd", { text: v })]));
    const c = r.checklist;
    // The run's id ("show-…", as the edge names its run-{id}.json) is for matching files, not for reading: the tooltip.
    document.getElementById("checklist").title = c.started ? c.run : "";
    document.getElementById("checklist").textContent = c.started
      ? tf("Started {time} ({lead} min before the show; {punctuality}); {result}; status {status}; ready at T-10: {ready}.", {
        time: time(c.started), lead: c.leadMinutes, punctuality: t(c.onTime ? "on time" : "late"), result: t(c.passed ? "passed" : "not passed"),
        status: itemStatus(c.status, lang), ready: c.readyAtT10 == null ? "–" : t(c.readyAtT10 ? "yes" : "no"),
      })
      : t("No checklist run was recorded for this show.");
    // The run's outcome item by item first; every point it recorded (re-measured after an edge restart, confirmations)
    // folded below it.
    const row = (i) => el("tr", { "data-item": i.item },
      el("td", { text: time(i.time) }), el("td", { text: itemName(i.item, lang) }), el("td", { text: itemStatus(i.status, lang), class: "st-" + i.status }),
      el("td", { text: itemText(i.value, lang) }), el("td", { text: itemText(i.threshold, lang) }), el("td", { text: i.clause }), el("td", { text: i.by }));
    const outcome = latestItems(detail.checklistItems);
    document.querySelector("#items tbody").replaceChildren(...outcome.map(row));
    const history = document.getElementById("history");
    history.tHead?.remove();
    history.prepend(document.querySelector("#items thead").cloneNode(true)); // the same columns as the outcome's
    history.tBodies[0].replaceChildren(...detail.checklistItems.map(row));
    document.getElementById("historyTitle").textContent = tf("Every record of the run ({n})", { n: detail.checklistItems.length });
    document.getElementById("historyBox").hidden = detail.checklistItems.length === outcome.length;
    const n = r.incidents;
    document.getElementById("incidentsNote").textContent = n.available
      ? tf("{count} incident(s); mean time to acknowledge {ack} min, to resolve {resolve} min.", { count: n.count, ack: n.meanMinutesToAcknowledge ?? "–", resolve: n.meanMinutesToResolve ?? "–" })
      : n.problem;
    document.querySelector("#incidents tbody").replaceChildren(...n.items.map((i) => el("tr", {},
      el("td", { text: time(i.firedAt) }), el("td", { text: t(i.title) }), el("td", { text: t(i.severity) }),
      el("td", { text: time(i.acknowledgedAt) }), el("td", { text: i.acknowledgedBy || "–" }), el("td", { text: time(i.resolvedAt) }))));
  } catch (e) {
    info.className = "status error";
    info.textContent = e.message;
  }
  document.body.dataset.loaded = "1";
}

start();
