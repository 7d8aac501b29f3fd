/**
 * The messages an embedded atlas exchanges with its host page (window.postMessage), as plain data:
 *
 * - child → parent `{ type: "atlas:resize", height }`: the height its content needs, in CSS px;
 * - child → parent `{ type: "atlas:view", state }`: the view changed; `state` is the URL's query
 *   as an object of strings (`{ year: "2019", country: "PAK,KAZ" }`);
 * - parent → child `{ type: "atlas:set", state }`: set any subset of the view. Values may be
 *   strings as in the URL, numbers, booleans, string arrays (lists), or null / "" (clear the key).
 *
 * An `atlas:set` is read through the URL's own parser (view-state.ts parseViewPatch), so a value
 * the URL would not accept is dropped the same way; a message of any other shape is ignored.
 */
import { PATCH_KEYS, parseViewPatch, serializeViewState, type ViewPatch, type ViewState } from '../url/view-state.ts';

export type ResizeMessage = { type: 'atlas:resize'; height: number };
export type ViewMessage = { type: 'atlas:view'; state: Record<string, string> };

/** At most this many characters in one value: anything longer is not a view, and is dropped. */
const MAX_VALUE = 4096;

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

/** One value as the URL would carry it, or undefined when it has no such form. */
function asParam(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value.length <= MAX_VALUE ? value : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value) && value.length <= 200 && value.every((x) => typeof x === 'string' && !x.includes(','))) {
    const joined = value.join(',');
    return joined.length <= MAX_VALUE ? joined : undefined;
  }
  return undefined;
}

/**
 * An `atlas:set` message → the change it asks for, or null when the message is not one (wrong
 * shape, no state object, or not one key the URL would accept). Unknown keys are ignored.
 */
export function parseSetMessage(data: unknown): ViewPatch | null {
  if (!isPlainObject(data) || data.type !== 'atlas:set' || !isPlainObject(data.state)) return null;
  const params = new URLSearchParams();
  const state = data.state;
  for (const key of PATCH_KEYS) {
    if (!Object.hasOwn(state, key)) continue;
    const raw = asParam(state[key]);
    if (raw !== undefined) params.set(key, raw);
  }
  const patch = parseViewPatch(params);
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The view as the URL's parameters, as an object. */
export function viewMessage(view: ViewState): ViewMessage {
  return { type: 'atlas:view', state: Object.fromEntries(new URLSearchParams(serializeViewState(view))) };
}

/** The content's height, whole CSS pixels (rounded up, so the frame never clips a fraction). */
export function resizeMessage(height: number): ResizeMessage {
  return { type: 'atlas:resize', height: Math.ceil(Math.max(0, height)) };
}
