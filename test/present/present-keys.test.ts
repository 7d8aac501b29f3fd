import { describe, expect, it } from 'vitest';
import { activatesOnEnter, isTextField, presentAction, type FocusLike, type KeyLike } from '../../src/present/present-keys.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });
const el = (tagName: string, attrs: Record<string, string> = {}, extra: Partial<FocusLike> = {}): FocusLike => ({
  tagName, getAttribute: (n) => attrs[n] ?? null, ...extra,
});
const body = el('BODY');

describe('presentAction', () => {
  it('maps a clicker\'s and a keyboard\'s keys: PageDown goes forward', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']) expect(presentAction(key(k), body)).toBe('next');
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(presentAction(key(k), body)).toBe('prev');
    expect(presentAction(key('Home'), body)).toBe('first');
    expect(presentAction(key('End'), body)).toBe('last');
    expect(presentAction(key('p'), body)).toBe('play');
    expect(presentAction(key('P', { }), body)).toBe('play');
    expect(presentAction(key('f'), body)).toBe('fullscreen');
    expect(presentAction(key('Escape'), body)).toBe('exit');
    expect(presentAction(key('?'), body)).toBe('help');
    expect(presentAction(key('x'), body)).toBeNull();
    expect(presentAction(key('Tab'), body)).toBeNull();
  });

  it('works on the year slider (where PageDown used to move back) and on the map', () => {
    expect(presentAction(key('PageDown'), el('DIV', { role: 'slider' }))).toBe('next');
    expect(presentAction(key('PageUp'), el('DIV', { role: 'slider' }))).toBe('prev');
    expect(presentAction(key('ArrowRight'), el('CANVAS'))).toBe('next');
  });

  it('leaves text fields and contenteditable alone', () => {
    for (const f of [el('INPUT', { type: 'text' }), el('INPUT', {}, { type: 'search' }), el('TEXTAREA'), el('SELECT'), el('DIV', {}, { isContentEditable: true }), el('DIV', { role: 'combobox' })]) {
      expect(isTextField(f)).toBe(true);
      expect(presentAction(key('PageDown'), f)).toBeNull();
      expect(presentAction(key('p'), f)).toBeNull();
      expect(presentAction(key('Escape'), f)).toBeNull();
    }
    expect(isTextField(el('INPUT', {}, { type: 'checkbox' }))).toBe(false);
  });

  it('ignores shortcuts with Ctrl, Alt or Meta, but allows Shift (for ?)', () => {
    expect(presentAction(key('f', { ctrlKey: true }), body)).toBeNull();
    expect(presentAction(key('ArrowRight', { altKey: true }), body)).toBeNull();
    expect(presentAction(key('p', { metaKey: true }), body)).toBeNull();
    expect(presentAction({ ...key('?'), shiftKey: true } as KeyLike, body)).toBe('help');
  });

  it('lets Space and Enter press a focused button or link, but PageDown still steps there', () => {
    const button = el('BUTTON');
    expect(activatesOnEnter(button)).toBe(true);
    expect(presentAction(key('Enter'), button)).toBeNull();
    expect(presentAction(key(' '), el('A', { href: '#x' }))).toBeNull();
    expect(presentAction(key('PageDown'), button)).toBe('next');
    expect(presentAction(key('Enter'), el('DIV', { role: 'slider' }))).toBe('next');
    expect(presentAction(key('Enter'), null)).toBe('next');
  });
});

describe('presentAction on a right-to-left page', () => {
  it('follows the eye: ← goes forward and → back; the other keys keep their meaning', async () => {
    const { keyHelp } = await import('../../src/present/present-keys.ts');
    expect(presentAction(key('ArrowLeft'), body, true)).toBe('next');
    expect(presentAction(key('ArrowRight'), body, true)).toBe('prev');
    expect(presentAction(key('PageDown'), body, true)).toBe('next');
    expect(presentAction(key('ArrowDown'), body, true)).toBe('next');
    expect(presentAction(key('Home'), body, true)).toBe('first');
    const listed = (rtl: boolean, action: string) => keyHelp(rtl).find((k) => k.action === action)?.keys;
    expect(listed(true, 'next')).toContain('←');
    expect(listed(true, 'next')).not.toContain('→');
    expect(listed(true, 'prev')).toContain('→');
    expect(listed(false, 'next')).toContain('→');
  });
});
