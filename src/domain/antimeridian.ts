/**
 * RFC 7946 §3.1.9: a line that crosses the antimeridian is cut in two there, so that every
 * longitude stays within [-180, 180] and no part runs the long way round the world.
 */

type Position = [number, number];

/** Which 360° copy of the world a continuous longitude is in (0 for [-180, 180)). */
const copyOf = (lon: number): number => Math.floor((lon + 180) / 360);

/** A longitude moved back by `k` world copies; shifted values are rounded to 1e-9° to drop float noise. */
const unshift = (lon: number, k: number): number => (k === 0 ? lon : Math.round((lon - 360 * k) * 1e9) / 1e9);

const push = (part: Position[], p: Position) => {
  const last = part.at(-1);
  if (!last || last[0] !== p[0] || last[1] !== p[1]) part.push(p);
};

/**
 * Cuts a line given in continuous longitudes (each step under 180°, as greatCircle makes them)
 * wherever it crosses ±180°. Returns one part when it never does; latitudes at a cut are
 * interpolated linearly along the step.
 */
export function splitAtAntimeridian(line: readonly (readonly [number, number])[]): Position[][] {
  const parts: Position[][] = [];
  let part: Position[] = [];
  let prev: readonly [number, number] | undefined;
  for (const p of line) {
    if (prev && copyOf(p[0]) !== copyOf(prev[0])) {
      const ka = copyOf(prev[0]), kb = copyOf(p[0]);
      const edge = 180 + 360 * Math.min(ka, kb);
      const t = (edge - prev[0]) / (p[0] - prev[0]);
      const lat = prev[1] + t * (p[1] - prev[1]);
      push(part, [unshift(edge, ka), lat]);
      if (part.length > 1) parts.push(part);
      part = [[unshift(edge, kb), lat]];
    }
    push(part, [unshift(p[0], copyOf(p[0])), p[1]]);
    prev = p;
  }
  if (part.length > 1 || parts.length === 0) parts.push(part);
  return parts;
}
