// Sites and rooms: each site with its time zone, rooms and manual checklist items. Managers and admins add, rename and
// delete them here; everyone else reads. Everything goes through /api/sites, which checks the role, writes the audit log
// and pushes what changed to the rooms' edges; its refusals come back in the page's language.
import { api, el, header, problem, requireUser, t } from "./api.js";

const $ = (id) => document.getElementById(id);
let me, mayEdit = false;
const path = (...parts) => "api/sites/" + parts.map(encodeURIComponent).join("/");

// Runs a change, then draws the sites as they are now; a refusal is shown and nothing else moves.
async function act(change) {
  problem(null);
  try { await change(); await load(); return true; } catch (e) { problem(e.message); return false; }
}

const button = (text, cls, onClick) => {
  const b = el("button", { type: "button", class: cls, text });
  b.addEventListener("click", onClick);
  return b;
};

// Replaces a cell's text with an input and Save / Cancel; save(value) is the change.
function editInPlace(cell, value, save, attrs = {}) {
  const input = el("input", { value, ...attrs });
  const form = el("form", { class: "inline-edit" }, input, el("button", { type: "submit", text: t("Save") }));
  form.append(button(t("Cancel"), "cancel", () => load()));
  form.addEventListener("submit", (e) => { e.preventDefault(); act(() => save(input.value.trim())); });
  cell.replaceChildren(form);
  input.focus();
}

// A small form of labelled inputs under a table: fields [[id, label, attrs]]; send(values) is the change.
function addForm(title, fields, send) {
  const inputs = fields.map(([name, label, attrs]) => [name, el("input", { required: "", ...attrs, "data-field": name }), label]);
  const form = el("form", { class: "add-form" }, el("strong", { text: title }),
    ...inputs.map(([, input, label]) => el("label", {}, el("span", { text: label }), input)),
    el("button", { type: "submit", text: t("Add") }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    act(() => send(Object.fromEntries(inputs.map(([name, input]) => [name, input.value.trim()]))));
  });
  return form;
}

function roomsTable(site) {
  const rows = site.rooms.map((r) => {
    const name = el("td", { class: "name", text: r.name });
    const cells = [el("td", { text: r.id }), name];
    if (mayEdit) {
      cells.push(el("td", {}, el("div", { class: "row-buttons" },
        button(t("Rename"), "rename", () => editInPlace(name, r.name, (v) => api(path(site.id, "rooms", r.id), { method: "PUT", body: { name: v } }), { maxlength: "100", required: "" })),
        button(t("Delete"), "delete", () => confirm(t("Delete room") + " " + r.id + "?") && act(() => api(path(site.id, "rooms", r.id), { method: "DELETE" }))))));
    }
    return el("tr", { "data-room": r.id }, ...cells);
  });
  return el("table", { class: "rooms" },
    el("thead", {}, el("tr", {}, el("th", { text: t("Room") }), el("th", { text: t("Display name") }), ...(mayEdit ? [el("th")] : []))),
    el("tbody", {}, ...rows));
}

function itemsTable(site) {
  const rows = site.manual.map((m) => {
    const text = el("td", { class: "text", text: m.text });
    const cells = [el("td", { text: m.id }), text];
    if (mayEdit) {
      cells.push(el("td", {}, el("div", { class: "row-buttons" },
        button(t("Change"), "edit", () => editInPlace(text, m.text, (v) => api(path(site.id, "manual-items", m.id), { method: "PUT", body: { text: v } }), { maxlength: "300", required: "" })),
        button(t("Remove"), "delete", () => confirm(t("Remove item") + " " + m.id + "?") && act(() => api(path(site.id, "manual-items", m.id), { method: "DELETE" }))))));
    }
    return el("tr", { "data-item": m.id }, ...cells);
  });
  return el("table", { class: "items" },
    el("thead", {}, el("tr", {}, el("th", { text: t("Item") }), el("th", { text: t("Text") }), ...(mayEdit ? [el("th")] : []))),
    el("tbody", {}, ...rows));
}

function siteSection(site) {
  const title = el("span", { class: "site-title", text: site.name + " (" + site.id + ")" });
  const zone = el("span", { class: "status site-zone", text: t("Time zone") + ": " + site.timeZone });
  const head = el("h2", {}, title, " ", zone);
  const section = el("section", { class: "site", "data-site": site.id }, head);
  if (mayEdit) {
    head.append(" ", button(t("Change"), "edit", () => {
      const form = el("form", { class: "inline-edit" },
        el("input", { value: site.name, "data-field": "name", maxlength: "100", required: "" }),
        el("input", { value: site.timeZone, "data-field": "timeZone", list: "zones", required: "" }),
        el("button", { type: "submit", text: t("Save") }), button(t("Cancel"), "cancel", () => load()));
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const [name, timeZone] = [...form.querySelectorAll("input")].map((i) => i.value.trim());
        act(() => api(path(site.id), { method: "PUT", body: { name, timeZone } }));
      });
      head.replaceChildren(form);
    }), button(t("Delete"), "delete", () => confirm(t("Delete site") + " " + site.id + "?") && act(() => api(path(site.id), { method: "DELETE" }))));
  }
  section.append(el("h3", { text: t("Rooms") }));
  section.append(site.rooms.length ? roomsTable(site) : el("p", { class: "empty", text: t("No room yet.") }));
  if (mayEdit) {
    section.append(addForm(t("New room"), [["id", t("Id"), { maxlength: "64", pattern: "[A-Za-z0-9][A-Za-z0-9._\\-]*" }], ["name", t("Display name"), { maxlength: "100" }]],
      (v) => api(path(site.id, "rooms"), { method: "POST", body: v })));
  }
  section.append(el("h3", { text: t("Manual checklist items") }));
  section.append(site.manual.length ? itemsTable(site) : el("p", { class: "empty", text: t("No manual item: the checklist has automatic items only.") }));
  if (mayEdit) {
    section.append(addForm(t("New item"), [["id", t("Id"), { maxlength: "64", pattern: "[A-Za-z0-9][A-Za-z0-9._\\-]*" }], ["text", t("Text"), { maxlength: "300" }]],
      (v) => api(path(site.id, "manual-items"), { method: "POST", body: v })));
  }
  return section;
}

async function load() {
  const sites = await api("api/sites/");
  $("sites").replaceChildren(...sites.map(siteSection));
  $("none").hidden = sites.length > 0;
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

async function start() {
  me = await requireUser();
  mayEdit = me.roles.includes("manager") || me.roles.includes("admin");
  header(me, t("Sites and rooms"));
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  try { $("zones").replaceChildren(...Intl.supportedValuesOf("timeZone").map((z) => el("option", { value: z }))); } catch { /* typed by hand */ }
  $("siteForm").hidden = !mayEdit;
  $("siteForm").addEventListener("submit", (e) => {
    e.preventDefault();
    act(async () => {
      await api("api/sites/", { method: "POST", body: { id: $("siteId").value.trim(), name: $("siteName").value.trim(), timeZone: $("siteZone").value.trim() } });
      $("siteId").value = ""; $("siteName").value = "";
    });
  });
  await load();
}

start().catch((e) => problem(e.message));
