/**
 * The presenter's keys: which key does what, wherever focus is. A clicker sends PageDown/PageUp
 * (some send arrows, Space or Enter); a keyboard has the rest. Pure: the caller passes the key
 * event's fields and a description of the focused element, so this is tested without a DOM.
 */

export type PresentAction = 'next' | 'prev' | 'first' | 'last' | 'play' | 'fullscreen' | 'exit' | 'help';

/** The fields of a KeyboardEvent this reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** The fields of the focused element this reads (an Element fits). */
export interface FocusLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
  type?: string;
}

/** Inputs that take typed text: every key belongs to them. Checkboxes, radios, buttons and ranges do not. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);

/** Whether the element takes typed text (text inputs, textareas, selects, contenteditable, a textbox role). */
export function isTextField(el: FocusLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((el.type ?? el.getAttribute?.('type') ?? 'text').toLowerCase());
  const role = el.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/**
 * Whether Space or Enter on the element does something of its own (a button, a link, a
 * checkbox). Those keep their meaning: a keyboard user who tabbed to "Exit" must be able to press it.
 */
export function activatesOnEnter(el: FocusLike | null | undefined): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'INPUT') return true;
  if (tag === 'A' && el.getAttribute?.('href') != null) return true;
  const role = el.getAttribute?.('role');
  return role === 'button' || role === 'link' || role === 'tab' || role === 'checkbox' || role === 'menuitem' || role === 'option' || role === 'switch';
}

const KEYS: Record<string, PresentAction> = {
  ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ' ': 'next', Spacebar: 'next', Enter: 'next',
  ArrowLeft: 'prev', ArrowUp: 'prev', PageUp: 'prev',
  Home: 'first', End: 'last',
  p: 'play', P: 'play', f: 'fullscreen', F: 'fullscreen',
  Escape: 'exit', Esc: 'exit', '?': 'help',
};

/** On a right-to-left page (Arabic) the timeline runs right to left: ← goes forward, as the eye reads. */
const MIRRORED: Record<string, string> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };

/**
 * The presenter action of a key press, or null to let the page have it: in a text field, with
 * Ctrl, Alt or Meta held (browser and system shortcuts), or Space/Enter on a control that
 * activates with them. Shift is allowed: '?' needs it on most layouts.
 */
export function presentAction(e: KeyLike, focused: FocusLike | null | undefined, rtl = false): PresentAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const action = KEYS[rtl ? (MIRRORED[e.key] ?? e.key) : e.key];
  if (!action) return null;
  if (isTextField(focused)) return null;
  if ((e.key === ' ' || e.key === 'Spacebar' || e.key === 'Enter') && activatesOnEnter(focused)) return null;
  return action;
}

/** The keys the help dialog lists, in order: the keys as shown, and the action (left to right pages). */
export const KEY_HELP: readonly { keys: readonly string[]; action: PresentAction }[] = [
  { keys: ['→', '↓', 'PageDown', 'Space', 'Enter'], action: 'next' },
  { keys: ['←', '↑', 'PageUp'], action: 'prev' },
  { keys: ['Home'], action: 'first' },
  { keys: ['End'], action: 'last' },
  { keys: ['P'], action: 'play' },
  { keys: ['F'], action: 'fullscreen' },
  { keys: ['Esc'], action: 'exit' },
  { keys: ['?'], action: 'help' },
];

/** The help list for the page's direction: on a right-to-left page ← is listed with next, → with previous. */
export function keyHelp(rtl: boolean): readonly { keys: readonly string[]; action: PresentAction }[] {
  if (!rtl) return KEY_HELP;
  return KEY_HELP.map((k) => ({ ...k, keys: k.keys.map((key) => (key === '→' ? '←' : key === '←' ? '→' : key)) }));
}
