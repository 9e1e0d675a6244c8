// Room wall: polls GET /api/rooms/live every 2 s and keeps one tile per room seen since the page opened.
// Plain JS, no build step. Text goes in with textContent only (room names are data, never markup).
"use strict";

const POLL_MS = 2000;
const tiles = new Map(); // "site/room" -> tile element

function fmtBitrate(bps) {
  if (bps == null) return "–";
  return bps >= 1e6 ? (bps / 1e6).toFixed(2) + " Mbit/s" : (bps / 1e3).toFixed(0) + " kbit/s";
}

function fmtFps(fps) {
  return fps == null ? "–" : fps.toFixed(2) + " fps";
}

function fmtResolution(r) {
  return r.width == null || r.height == null ? "–" : Math.round(r.width) + "x" + Math.round(r.height);
}

function row(dl, label, value, failing) {
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = value;
  if (failing) dd.className = "fail";
  dl.append(dt, dd);
}

function tileFor(key, site, room) {
  let tile = tiles.get(key);
  if (!tile) {
    tile = document.createElement("section");
    tile.className = "tile";
    tile.dataset.site = site;
    tile.dataset.room = room;
    const h2 = document.createElement("h2");
    h2.textContent = room;
    const s = document.createElement("div");
    s.className = "site";
    s.textContent = site;
    const verdict = document.createElement("div");
    verdict.className = "verdict";
    const dl = document.createElement("dl");
    tile.append(h2, s, verdict, dl);
    tiles.set(key, tile);
    // Keep tiles ordered by site, then room (append moves an existing node).
    const wall = document.getElementById("wall");
    for (const k of [...tiles.keys()].sort()) wall.append(tiles.get(k));
  }
  return tile;
}

function render(tile, r) {
  const verdict = tile.querySelector(".verdict");
  const dl = tile.querySelector("dl");
  dl.replaceChildren();
  if (!r || r.stale) {
    tile.className = "tile stale";
    verdict.textContent = "no data";
    if (r && r.ageSeconds != null) row(dl, "last seen", Math.round(r.ageSeconds) + " s ago");
    return;
  }
  const meets = r.up === true && r.meetsResolution && r.meetsFrameRate;
  tile.className = "tile " + (meets ? "ok" : "bad");
  verdict.textContent = r.up === false ? "stream DOWN" : meets ? "1080p30 OK" : "below 1080p30";
  row(dl, "resolution", fmtResolution(r), !r.meetsResolution);
  row(dl, "frame rate", fmtFps(r.fps), !r.meetsFrameRate);
  row(dl, "bitrate", fmtBitrate(r.bitrateBps));
  row(dl, "age", r.ageSeconds == null ? "–" : r.ageSeconds.toFixed(1) + " s");
}

async function poll() {
  const status = document.getElementById("status");
  try {
    const response = await fetch("api/rooms/live", { cache: "no-store" });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || body.title || ("HTTP " + response.status));
    const seen = new Set();
    for (const r of body.rooms) {
      const key = r.site + "/" + r.room;
      seen.add(key);
      render(tileFor(key, r.site, r.room), r);
    }
    for (const [key, tile] of tiles) if (!seen.has(key)) render(tile, null);
    document.getElementById("empty").hidden = tiles.size > 0;
    status.className = "status";
    status.textContent = "updated " + new Date(body.generatedAt).toLocaleTimeString();
  } catch (e) {
    status.className = "status error";
    status.textContent = "no data: " + e.message;
    for (const tile of tiles.values()) render(tile, null);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
