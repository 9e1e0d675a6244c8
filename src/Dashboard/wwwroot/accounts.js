// Accounts (admins): every user with roles, sites and whether they are locked out or still on a one-time password;
// create an account (its one-time password is shown once), change its roles and sites, give a new one-time password,
// delete it; below, the audit log. Everything goes through /api/users and /api/audit, which check the admin role.
import { api, el, header, lang, problem, requireUser, roleName, t, tf } from "./api.js";
import { auditAction, auditOutcome } from "./audit-words.js";

const ROLES = ["technician", "on-call", "manager", "admin"];
const $ = (id) => document.getElementById(id);
let me, sites = [], editing = null;

// A one-time password is shown once, with whom it belongs to and what to do with it.
function secret(name, password) {
  $("secret").replaceChildren(
    el("span", { text: tf("One-time password for {name}:", { name }) + " " }),
    el("code", { id: "oneTimePassword", text: password }),
    el("span", { text: " " + t("Hand it over in person; it is shown only now. They choose their own at the first sign-in.") }));
  $("secret").hidden = false;
}

const when = (iso) => new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : undefined, { hourCycle: "h23" });
const roleNames = (roles) => roles.map((r) => roleName(r, lang)).join(lang === "zh" ? "、" : ", ");

function status(u) {
  const parts = [];
  if (u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()) parts.push(tf("locked until {time}", { time: when(u.lockedUntil) }));
  if (u.mustChangePassword) parts.push(t("one-time password not yet changed"));
  return parts.join(" · ") || t("active");
}

async function loadUsers() {
  const users = await api("api/users/");
  $("users").querySelector("tbody").replaceChildren(...users.map((u) => {
    const change = el("button", { type: "button", class: "edit", text: t("Change") });
    change.addEventListener("click", () => edit(u));
    const reset = el("button", { type: "button", class: "reset", text: t("New one-time password") });
    reset.addEventListener("click", () => act(async () => {
      if (!confirm(tf("Give {name} a new one-time password? Their sessions end now.", { name: u.name }))) return;
      const r = await api("api/users/" + encodeURIComponent(u.name) + "/password", { method: "POST", body: {} });
      secret(r.name, r.oneTimePassword);
    }));
    const remove = el("button", { type: "button", class: "delete", text: t("Delete") });
    remove.addEventListener("click", () => act(async () => {
      if (!confirm(tf("Delete the account {name}?", { name: u.name }))) return;
      await api("api/users/" + encodeURIComponent(u.name), { method: "DELETE" });
      $("secret").hidden = true;
    }));
    // Nobody deletes their own account here (the dashboard refuses it too).
    if (u.name === me.name) remove.disabled = true;
    // Each cell names its column (data-label): on a phone the rows become cards and the header is not shown.
    return el("tr", { "data-user": u.name },
      el("td", { text: u.name }), el("td", { "data-label": t("Roles"), text: roleNames(u.roles) }),
      el("td", { "data-label": t("Sites"), text: u.sites.length ? u.sites.join(", ") : t("all sites") }),
      el("td", { class: "user-status", "data-label": t("Status"), text: status(u) }),
      el("td", {}, el("div", { class: "row-buttons" }, change, reset, remove)));
  }));
}

// The log shows its newest 50 matching entries until asked for all it holds (300): a phone page stays short.
const FIRST_ROWS = 50;
let entries = [], allRows = false;
async function loadAudit() {
  entries = await api("api/audit?limit=300");
  showAudit();
}

function showAudit() {
  const needle = $("filter").value.trim().toLowerCase();
  // The filter finds an entry by what the page shows and by the ids the API and exports use.
  const shown = entries.filter((e) => !needle || [e.actor, e.action, auditAction(e.action, lang), e.target, e.outcome, auditOutcome(e.outcome, lang), e.detail]
    .some((v) => (v || "").toLowerCase().includes(needle)));
  const rows = allRows ? shown : shown.slice(0, FIRST_ROWS);
  $("audit").querySelector("tbody").replaceChildren(...rows.map((e) => el("tr", { class: e.outcome === "ok" ? "" : "audit-refused", "data-action": e.action },
    el("td", { class: "at", text: when(e.at) }), el("td", { "data-label": t("Who"), text: e.actor || "–" }),
    el("td", { "data-label": t("Action"), text: auditAction(e.action, lang), title: e.action }), el("td", { "data-label": t("Target"), text: e.target || "" }),
    el("td", { "data-label": t("Outcome"), text: auditOutcome(e.outcome, lang) }), el("td", { class: "detail", "data-label": t("Detail"), text: e.detail || "" }))));
  $("auditCount").textContent = tf("{shown} of the newest {all} entries", { shown: shown.length, all: entries.length });
  $("moreAudit").hidden = rows.length === shown.length;
  $("moreAudit").textContent = tf("Show all {n}", { n: shown.length });
}

// Runs a change, then shows the table and the log as they are now; a refusal is shown in the page's language.
async function act(change) {
  problem(null);
  try { await change(); } catch (e) { problem(e.message); }
  await Promise.all([loadUsers(), loadAudit()]).catch((e) => problem(e.message));
}

function checkboxes(box, values, names, checked) {
  box.querySelectorAll("label").forEach((l) => l.remove());
  for (const v of values) {
    const input = el("input", { type: "checkbox", value: v });
    input.checked = checked.includes(v);
    box.append(el("label", { class: "check" }, input, " " + (names[v] || v)));
  }
}
const ticked = (box) => [...box.querySelectorAll("input:checked")].map((i) => i.value);

function fillForm(user) {
  editing = user ? user.name : null;
  $("formTitle").textContent = user ? tf("Change {name}", { name: user.name }) : t("New account");
  $("name").value = user ? user.name : "";
  $("name").readOnly = !!user;
  $("save").textContent = user ? t("Save") : t("Create");
  $("cancel").hidden = !user;
  checkboxes($("roles"), ROLES, Object.fromEntries(ROLES.map((r) => [r, roleName(r, lang)])), user ? user.roles : ["technician"]);
  checkboxes($("sites"), sites.map((s) => s.id), Object.fromEntries(sites.map((s) => [s.id, s.name + " (" + s.id + ")"])), user ? user.sites : []);
}

function edit(user) {
  problem(null);
  fillForm(user);
  $("userForm").scrollIntoView({ block: "nearest" });
}

async function save(ev) {
  ev.preventDefault();
  const roles = ticked($("roles"));
  if (roles.length === 0) { problem(t("Tick at least one role.")); return; }
  const body = { roles, sites: ticked($("sites")) };
  await act(async () => {
    if (editing) {
      await api("api/users/" + encodeURIComponent(editing), { method: "PUT", body });
      $("secret").hidden = true;
    } else {
      const r = await api("api/users/", { method: "POST", body: { name: $("name").value.trim(), ...body } });
      secret(r.name, r.oneTimePassword);
    }
    fillForm(null);
  });
}

async function start() {
  me = await requireUser();
  header(me, t("Accounts"));
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  if (!me.roles.includes("admin")) {
    // The API refuses everything here to others; say so once instead of failing on every table.
    problem(t("Only admins manage accounts."));
    for (const s of document.querySelectorAll("main section")) s.hidden = true;
    return;
  }
  sites = await api("api/sites/").catch(() => []);
  fillForm(null);
  $("userForm").addEventListener("submit", save);
  $("cancel").addEventListener("click", () => fillForm(null));
  $("filter").addEventListener("input", showAudit);
  $("moreAudit").addEventListener("click", () => { allRows = true; showAudit(); });
  await Promise.all([loadUsers(), loadAudit()]);
  document.body.dataset.loaded = "1";
}

start().catch((e) => problem(e.message));
