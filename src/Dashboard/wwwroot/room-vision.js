// Room page, issue 5: evidence thumbnails strip (any role) and the framing reference editor (technician, admin):
// ask the edge for a candidate frame, drag a rectangle per region on it, save a new version pushed to the edge.
import { api, el, lang, t, tf } from "./api.js";
import { eventName } from "./event-words.js";

const REGIONS = [["backdrop", "#4fc3f7", t("Backdrop wall")], ["desk", "#ffb74d", t("Host desk")], ["seat", "#81c995", t("Host seat")], ["background", "#ce93d8", t("Background")]];
const W = 640, H = 360;

export function startVision(site, room, me) {
  const base = `api/rooms/${encodeURIComponent(site)}/${encodeURIComponent(room)}`;
  const may = me.roles.includes("technician") || me.roles.includes("admin");
  const state = { regions: {}, selected: "backdrop", candidate: null, image: null, drag: null };
  const canvas = document.getElementById("refCanvas");
  const ctx = canvas.getContext("2d");
  const status = document.getElementById("refStatus");
  canvas.width = W; canvas.height = H;

  async function loadThumbs(from, to) {
    const strip = document.getElementById("thumbs");
    try {
      const body = await api(`${base}/thumbnails?from=${from}&to=${to}`);
      const last = body.thumbnails.slice(-24).reverse();
      strip.replaceChildren(...last.map((t) => {
        const link = el("a", { href: t.url, target: "_blank", rel: "noopener" }, el("img", { src: t.url, alt: eventName(t.reason, lang), loading: "lazy" }));
        return el("figure", { class: t.reason === "interval" ? "" : "event", "data-reason": t.reason }, link,
          el("figcaption", { text: new Date(t.time).toLocaleString() + " · " + eventName(t.reason, lang) }));
      }));
      if (!last.length) strip.replaceChildren(el("p", { class: "note", text: t("No thumbnails in this range.") }));
      strip.dataset.count = String(last.length);
    } catch (e) {
      strip.replaceChildren(el("p", { class: "status error", text: e.message }));
    }
  }

  function draw() {
    ctx.fillStyle = "#000"; ctx.fillRect(0, 0, W, H);
    if (state.image) ctx.drawImage(state.image, 0, 0, W, H);
    const rects = Object.entries(state.regions);
    if (state.drag) rects.push([state.selected, state.drag]);
    for (const [name, r] of rects) {
      const colour = REGIONS.find(([n]) => n === name)[1];
      ctx.strokeStyle = colour; ctx.lineWidth = name === state.selected ? 3 : 2;
      ctx.strokeRect(r.x * W, r.y * H, r.w * W, r.h * H);
      ctx.fillStyle = colour; ctx.font = "14px sans-serif"; ctx.fillText(name, r.x * W + 4, r.y * H + 16);
    }
    const list = document.getElementById("refRegions");
    list.replaceChildren(...REGIONS.map(([name, colour, label]) => {
      const r = state.regions[name];
      const row = el("li", { "data-region": name }, el("span", { class: "swatch", "data-colour": colour }),
        el("span", { text: label + ": " + (r ? [r.x, r.y, r.w, r.h].map((v) => v.toFixed(3)).join(", ") : t("not marked")) }));
      if (may) {
        const del = el("button", { type: "button", "data-delete": name, text: t("Delete") });
        del.disabled = !r;
        del.addEventListener("click", () => { delete state.regions[name]; draw(); });
        row.append(del);
      }
      return row;
    }));
    // No frame to mark yet: no empty black box and no list of unmarked regions; the status line says why.
    for (const part of [canvas, list, document.getElementById("refPick")]) part.hidden = !state.image;
    for (const s of list.querySelectorAll(".swatch")) s.style.background = s.dataset.colour;
    document.getElementById("saveRef").disabled = !may || !state.candidate || REGIONS.some(([n]) => !state.regions[n]);
  }

  function point(ev) {
    const box = canvas.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (ev.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (ev.clientY - box.top) / box.height)) };
  }

  canvas.addEventListener("mousedown", (ev) => { if (!may || !state.candidate) return; state.start = point(ev); state.drag = { x: state.start.x, y: state.start.y, w: 0, h: 0 }; });
  canvas.addEventListener("mousemove", (ev) => {
    if (!state.drag) return;
    const p = point(ev);
    state.drag = { x: Math.min(p.x, state.start.x), y: Math.min(p.y, state.start.y), w: Math.abs(p.x - state.start.x), h: Math.abs(p.y - state.start.y) };
    draw();
  });
  window.addEventListener("mouseup", () => {
    if (!state.drag) return;
    if (state.drag.w > 0.01 && state.drag.h > 0.01) {
      state.regions[state.selected] = state.drag;
      const next = REGIONS.find(([n]) => !state.regions[n]);
      if (next) select(next[0]);
    }
    state.drag = null;
    draw();
  });

  function select(name) {
    state.selected = name;
    for (const b of document.querySelectorAll("#refPick button")) b.classList.toggle("active", b.dataset.region === name);
    draw();
  }

  function showImage(url) {
    const img = new Image();
    img.onload = () => { state.image = img; draw(); canvas.dataset.image = url; };
    img.src = url;
  }

  async function loadReference() {
    const view = await api(`${base}/reference`);
    const current = view.current;
    status.textContent = current
      ? tf("Reference version {version} by {by}, {time}", { version: current.version, by: current.by, time: new Date(current.at).toLocaleString() })
        + (view.pushed ? "" : " " + t("(not yet pushed: no broker connection)"))
      : t("Not commissioned: no approved reference yet.");
    document.body.dataset.refVersion = current ? String(current.version) : "0";
    if (view.candidate && view.candidate.capture !== state.candidate) {
      state.candidate = view.candidate.capture;
      if (current && current.captureId === state.candidate) state.regions = { ...current.regions };
      showImage(view.candidate.url);
      document.getElementById("refCandidate").textContent = tf("Candidate {capture} captured {time}", { capture: state.candidate, time: new Date(view.candidate.time).toLocaleString() });
    }
    draw();
    return view;
  }

  const pick = document.getElementById("refPick");
  pick.replaceChildren(...REGIONS.map(([name, colour, label]) => {
    const b = el("button", { type: "button", "data-region": name }, el("span", { class: "swatch", "data-colour": colour }), label);
    b.addEventListener("click", () => select(name));
    return b;
  }));
  for (const s of pick.querySelectorAll(".swatch")) s.style.background = s.dataset.colour;
  for (const id of ["capture", "saveRef"]) document.getElementById(id).hidden = !may;

  document.getElementById("capture").addEventListener("click", async () => {
    try {
      const asked = await api(`${base}/reference/capture`, { method: "POST" });
      status.textContent = tf("Waiting for the edge to send frame {capture}…", { capture: asked.captureId });
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => setTimeout(r, 2000));
        const view = await loadReference();
        if (view.candidate && view.candidate.capture === asked.captureId) { state.regions = {}; select("backdrop"); return; }
      }
      status.textContent = t("The edge did not send the frame within a minute (is it online?).");
    } catch (e) { status.textContent = e.message; }
  });

  document.getElementById("saveRef").addEventListener("click", async () => {
    try {
      const saved = await api(`${base}/reference`, { method: "PUT", body: { captureId: state.candidate, regions: state.regions } });
      await loadReference();
      // Set once the page shows the saved reference (tests wait for it, then read the status).
      document.body.dataset.refSaved = String(saved.current.version);
    } catch (e) { status.textContent = e.message; document.body.dataset.refError = e.message; }
  });

  select("backdrop");
  loadReference().catch((e) => { status.textContent = e.message; });
  return { loadThumbs };
}
