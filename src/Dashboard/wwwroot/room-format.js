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
