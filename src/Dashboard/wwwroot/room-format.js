// Room page: how a panel's numbers read. Bit rates in kbit/s or Mbit/s, everything else in the panel's unit.

// The decimals a step needs to show exactly (0.0025 → 4, 5 → 0), at most 6.
function decimalsOf(step) {
  let d = 0;
  while (d < 6 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-6) d++;
  return d;
}

function scaled(unit, v) {
  if (unit !== "bit/s") return [1, unit];
  return Math.abs(v) >= 1e6 ? [1e6, "Mbit/s"] : [1e3, "kbit/s"];
}

// A value in the legend and the tooltip: two decimals (bit rates: Mbit/s with two, kbit/s whole).
export function valueLabel(unit, v) {
  if (v == null) return "–";
  const [div, name] = scaled(unit, v);
  return (v / div).toFixed(unit === "bit/s" && div === 1e3 ? 0 : 2) + " " + name;
}

// An axis tick: as many decimals as the distance between ticks needs, so two ticks never read the same
// (0.1450, 0.1475 rather than 0.15, 0.15) and whole steps carry none (60 fps, not 60.00 fps).
export function tickLabel(unit, v, step) {
  if (v == null) return "";
  const [div, name] = scaled(unit, v);
  return (v / div).toFixed(step > 0 ? decimalsOf(step / div) : 2) + " " + name;
}

// The value axis is 95 px wide, so the panels' time axes line up, and wider when a panel's ticks need it
// (framing ticks read "0.1475 blocks"): measured in the axis's own font, as uPlot's auto-size example does.
export const AXIS_MIN = 95;
export function axisSize(u, values, axisIdx, cycleNum) {
  const axis = u.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  const longest = (values || []).reduce((a, v) => (v != null && String(v).length > a.length ? String(v) : a), "");
  if (!longest) return AXIS_MIN;
  u.ctx.font = axis.font[0];
  return Math.max(AXIS_MIN, Math.ceil(axis.ticks.size + axis.gap + u.ctx.measureText(longest).width / devicePixelRatio + 4));
}

// The time axis and the cursor's time in 24-hour form, as the wall and the site's schedule read times (uPlot's
// default is 12-hour with am/pm, which neither a Chinese reader nor a schedule expects). Rows: smallest tick step in
// seconds, its label, then the label added where the year / month / day / hour / minute / second rolls over.
const MIN = 60, HOUR = 3600, DAY = 86400;
export const timeAxisValues = [
  [DAY * 365, "{YYYY}", null, null, null, null, null, null, 1],
  [DAY * 28, "{YYYY}-{MM}", null, null, null, null, null, null, 1],
  [DAY, "{MM}-{DD}", "\n{YYYY}", null, null, null, null, null, 1],
  [HOUR, "{HH}:{mm}", "\n{YYYY}-{MM}-{DD}", null, "\n{MM}-{DD}", null, null, null, 1],
  [MIN, "{HH}:{mm}", "\n{YYYY}-{MM}-{DD}", null, "\n{MM}-{DD}", null, null, null, 1],
  [1, ":{ss}", "\n{YYYY}-{MM}-{DD} {HH}:{mm}", null, "\n{MM}-{DD} {HH}:{mm}", null, "\n{HH}:{mm}", null, 1],
];
export const timeValue = "{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}";
