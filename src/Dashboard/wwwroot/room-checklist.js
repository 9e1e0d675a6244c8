// Room page, issue 8 item 2: the room's current checklist — its latest recorded run with every item's value, threshold,
// status and who confirmed it — and the commands Run checklist now / Confirm for the roles allowed to (technician, admin).
import { api, el, labelledCell, lang, t, tf } from "./api.js";
import { itemName, itemStatus, itemText, latestItems } from "./checklist-words.js";

const LOOKBACK_MS = 7 * 864e5;


export function startChecklist(site, room, me) {
  const base = `api/rooms/${encodeURIComponent(site)}/${encodeURIComponent(room)}`;
  const may = me.roles.includes("technician") || me.roles.includes("admin");
  const box = document.getElementById("checklist");
  const summary = document.getElementById("checklistRun");
  const message = document.getElementById("checklistMessage");
  const runButton = document.getElementById("runChecklist");
  runButton.hidden = !may;
  let current = null;

  function say(text, error) {
    message.className = error ? "status error" : "status";
    message.textContent = text;
  }

  async function send(path, body, done) {
    try {
      const sent = await api(`${base}/${path}`, { method: "POST", body });
      say(done + " (" + sent.by + ", " + new Date(sent.at).toLocaleTimeString() + ")", false);
      box.dataset.sent = sent.action;
      setTimeout(load, 3000);
    } catch (e) {
      say(e.message, true);
      box.dataset.sendError = e.message;
    }
  }

  function row(i) {
    // Each cell names its column (data-label): on a phone the rows become cards and the header is not shown.
    const cell = labelledCell;
    const cells = [
      cell("Item", { text: itemName(i.item, lang) }), cell("Value", { text: itemText(i.value, lang) || "–" }), cell("Threshold", { text: itemText(i.threshold, lang) || "–" }),
      cell("Status", { class: "status-" + i.status, text: itemStatus(i.status, lang) }), cell("Confirmed by", { text: i.by || "" }),
      cell("Time", { text: new Date(i.time).toLocaleTimeString() }), cell("Clause", { text: i.clause || "" }),
    ];
    const action = el("td");
    if (may && i.status === "open") {
      const b = el("button", { type: "button", "data-confirm": i.item, text: t("Confirm") });
      b.addEventListener("click", () => send("checklist/confirm", { item: i.item, run: current ? current.run : "" }, t("Confirm") + " " + itemName(i.item, lang)));
      action.append(b);
    }
    return el("tr", { "data-item": i.item, "data-status": i.status }, ...cells, action);
  }

  // A scheduled run names its show by title (the schedule's), a run someone started by who.
  const titles = new Map();
  async function showTitle(id, started) {
    if (!titles.has(id)) {
      try {
        const list = await api(`api/sites/${encodeURIComponent(site)}/shows?room=${encodeURIComponent(room)}&from=${started}&to=${started + 2 * 864e5}`);
        titles.set(id, (list.find((s) => s.id === id) || {}).title || null);
      } catch {
        titles.set(id, null);
      }
    }
    return titles.get(id);
  }

  const startedBy = (by) => !by ? "" : " · " + (by === "schedule" ? t("started by the schedule") : tf("started by {name}", { name: by }));

  async function load() {
    const table = document.getElementById("checklistTable");
    try {
      const to = Date.now();
      const body = await api(`${base}/checklists?from=${to - LOOKBACK_MS}&to=${to}`);
      current = body.runs[0] || null;
      box.dataset.loaded = String(Number(box.dataset.loaded || 0) + 1);
      if (!current) {
        summary.textContent = t("No checklist run in the last 7 days.");
        table.hidden = true;
        return;
      }
      const when = new Date(current.started).toLocaleString();
      const t10 = current.readyAtT10 == null ? "" : " · " + t(current.readyAtT10 ? "ready at T-10" : "NOT ready at T-10");
      const title = current.show ? await showTitle(current.show, Date.parse(current.started)) : null;
      const show = current.show ? " · " + tf("show {show}", { show: title || current.show }) : "";
      summary.textContent = `${current.status ? itemStatus(current.status, lang) : "?"} · ${when}` + show + startedBy(current.startedBy) + t10;
      // The run's id stays at hand for support (the edge's logs name it), not in the line a technician reads.
      summary.title = current.run;
      box.dataset.run = current.run;
      table.hidden = false;
      table.tBodies[0].replaceChildren(...latestItems(current.items).map(row));
    } catch (e) {
      summary.textContent = "";
      say(e.message, true);
    }
  }

  runButton.addEventListener("click", () => send("checklist/run", undefined, t("Run checklist now")));
  load();
  setInterval(load, 15000);
  return { load };
}
