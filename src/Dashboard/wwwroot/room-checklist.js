// Room page, issue 8 item 2: the room's current checklist — its latest recorded run with every item's value, threshold,
// status and who confirmed it — and the commands Run checklist now / Confirm for the roles allowed to (technician, admin).
import { api, el, lang, t, tf } from "./api.js";
import { itemName, itemStatus, itemText } from "./checklist-words.js";

const LOOKBACK_MS = 7 * 864e5;

// The newest point per item (a manual item's confirmation follows its "open" point), in first-seen order.
export function latestItems(run) {
  const byItem = new Map();
  for (const i of run.items) byItem.set(i.item, i);
  return [...byItem.values()];
}

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
    const cells = [
      el("td", { text: itemName(i.item, lang) }), el("td", { text: itemText(i.value, lang) || "–" }), el("td", { text: itemText(i.threshold, lang) || "–" }),
      el("td", { class: "status-" + i.status, text: itemStatus(i.status, lang) }), el("td", { text: i.by || "" }),
      el("td", { text: new Date(i.time).toLocaleTimeString() }), el("td", { text: i.clause || "" }),
    ];
    const action = el("td");
    if (may && i.status === "open") {
      const b = el("button", { type: "button", "data-confirm": i.item, text: t("Confirm") });
      b.addEventListener("click", () => send("checklist/confirm", { item: i.item, run: current ? current.run : "" }, t("Confirm") + " " + itemName(i.item, lang)));
      action.append(b);
    }
    return el("tr", { "data-item": i.item, "data-status": i.status }, ...cells, action);
  }

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
      summary.textContent = `${current.run} · ${current.status ? itemStatus(current.status, lang) : "?"} · ${when}`
        + (current.show ? " · " + tf("show {show}", { show: current.show }) : "") + (current.startedBy ? " · " + current.startedBy : "") + t10;
      box.dataset.run = current.run;
      table.hidden = false;
      table.tBodies[0].replaceChildren(...latestItems(current).map(row));
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
