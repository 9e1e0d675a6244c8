// Room wall: the tile's bitrate sparkline as an SVG path, broken where a 10 s bucket never arrived (the edge was gone,
// or the collector was), as the room page's charts break at a gap; a bucket that arrived without a bitrate (no stream)
// is drawn at the bottom.

export const SPARK_BUCKET_MS = 10000; // as GET api/rooms/live?history=true answers: 5 minutes at 10 s
export const SPARK_POINTS = 30;
export const SPARK_HEIGHT = 20;

// Adds a live value to its bucket (a new value replaces the bucket's), keeps the newest SPARK_POINTS buckets.
// spark: [{ t: bucket start in ms, v: bit/s or null }...], oldest first.
export function addSparkValue(spark, time, value) {
  const bucket = Math.floor(time / SPARK_BUCKET_MS) * SPARK_BUCKET_MS;
  const last = spark[spark.length - 1];
  if (last && last.t === bucket) last.v = value; else if (!last || bucket > last.t) spark.push({ t: bucket, v: value });
  const oldest = bucket - (SPARK_POINTS - 1) * SPARK_BUCKET_MS;
  while (spark.length && spark[0].t < oldest) spark.shift();
}

// The path's "d" in a viewBox 0 0 (SPARK_POINTS - 1) SPARK_HEIGHT, the newest bucket at the right edge; y spans the
// 5 minutes' own range (a flat line in the middle when constant). A new segment starts after every missing bucket; a
// segment of one bucket is a short dash, so it stays visible. Returns { d, segments, points, min, max }.
export function sparkPath(spark) {
  const values = spark.map((p) => p.v).filter((v) => v != null);
  const max = values.length ? Math.max(...values) : null, min = values.length ? Math.min(...values) : null;
  const newest = spark.length ? spark[spark.length - 1].t : 0;
  const y = (v) => v == null ? SPARK_HEIGHT : max > min ? SPARK_HEIGHT - 1 - (v - min) * (SPARK_HEIGHT - 2) / (max - min) : SPARK_HEIGHT / 2;
  const x = (p) => SPARK_POINTS - 1 - (newest - p.t) / SPARK_BUCKET_MS;
  const parts = [];
  let segments = 0, run = 0;
  spark.forEach((p, i) => {
    const starts = i === 0 || p.t - spark[i - 1].t > SPARK_BUCKET_MS;
    if (starts) {
      if (run === 1) parts.push("h0.4");
      segments++;
      run = 0;
    }
    parts.push((starts ? "M" : "L") + fmt(x(p)) + "," + fmt(y(p.v)));
    run++;
  });
  if (run === 1) parts.push("h0.4");
  return { d: parts.join(" "), segments, points: spark.length, min, max };
}

function fmt(n) {
  return String(Math.round(n * 10) / 10);
}
