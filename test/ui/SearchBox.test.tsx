// @vitest-environment jsdom
/** The search box as a keyboard and screen-reader user meets it: the combobox pattern, picking, counts and plurals. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { initI18n, switchLanguage } from '../../src/i18n/i18n.ts';
import { SearchBox } from '../../src/ui/SearchBox.tsx';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import type { Lang } from '../../src/url/view-state.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function searchIndex() {
  const raw = miniDataset();
  raw.institutions.push({ ...raw.institutions[1]!, id: 'hosp-c', name: { en: 'Hospital C', zh: '丙医院' } });
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return buildSearchIndex(indexDataset(r.dataset, anchors), [{ target: 'hosp-a', aliases: ['HA'] }]);
}
const index = searchIndex();

beforeAll(async () => {
  initI18n();
  await i18next.changeLanguage('en');
});
afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('en'));
});

async function setup(lang: Lang = 'en') {
  if (lang !== 'en') await act(() => switchLanguage(lang));
  const onPick = vi.fn();
  render(<SearchBox index={index} lang={lang} onPick={onPick} />);
  const box = screen.getByRole('combobox');
  const type = (text: string) => fireEvent.change(box, { target: { value: text } });
  const key = (k: string, init: object = {}) => fireEvent.keyDown(box, { key: k, ...init });
  const options = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true });
  const activeOption = () => {
    const id = box.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id) : null;
  };
  return { box, type, key, options, activeOption, onPick };
}

describe('the search box', () => {
  it('is a labelled combobox that controls a listbox, closed at first', async () => {
    const { box } = await setup();
    expect(screen.getByRole('combobox', { name: 'Search' })).toBe(box);
    expect(box).toHaveProperty('tagName', 'INPUT');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    const list = document.getElementById(box.getAttribute('aria-controls') ?? '');
    expect(list?.getAttribute('role')).toBe('listbox');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('suggests as the reader types, with the kind, both names and the link count', async () => {
    const { box, type, options } = await setup();
    type('hospital');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const items = options();
    expect(items.map((o) => o.textContent)).toEqual([
      'Hospital A甲医院Chinese institution4 links',
      'Hospital B乙医院Chinese institution1 link',
      'Hospital C丙医院Chinese institution0 links',
    ]);
    expect(items.every((o) => o.getAttribute('aria-selected') === 'false')).toBe(true);
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('3 suggestions'));
  });

  it('moves through the suggestions with the arrow keys, wrapping at both ends', async () => {
    const { type, key, options, activeOption } = await setup();
    type('hospital');
    key('ArrowDown');
    expect(activeOption()).toBe(options()[0]);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('ArrowDown');
    expect(activeOption()).toBe(options()[2]);
    key('ArrowDown');
    expect(activeOption()).toBe(options()[0]);
    key('ArrowUp');
    expect(activeOption()).toBe(options()[2]);
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });

  it('picks the active suggestion with Enter, closes the list and shows the name', async () => {
    const { box, type, key, onPick } = await setup();
    type('hospital');
    key('ArrowDown');
    key('ArrowDown');
    key('Enter');
    expect(onPick).toHaveBeenCalledWith({ kind: 'institution', id: 'hosp-b' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('Hospital B');
    // Arrow keys open the list again on what is typed.
    key('ArrowDown');
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('takes the best suggestion on Enter when none is active; finds aliases and says so', async () => {
    const { type, key, onPick, options } = await setup();
    type('ha');
    expect(options()[0]?.textContent).toContain('also known as HA');
    key('Enter');
    expect(onPick).toHaveBeenCalledWith({ kind: 'institution', id: 'hosp-a' });
  });

  it('picks with the mouse', async () => {
    const { type, options, onPick } = await setup();
    type('malaysia');
    const [malaysia] = options();
    expect(malaysia?.textContent).toBe('Malaysia马来西亚Country1 link');
    fireEvent.mouseDown(malaysia!);
    fireEvent.click(malaysia!);
    expect(onPick).toHaveBeenCalledWith({ kind: 'country', id: 'MYS' });
  });

  it('closes the list on the first Escape and clears the text on the second; Tab closes it too', async () => {
    const { box, type, key } = await setup();
    type('who');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    key('Escape');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('who');
    key('Escape');
    expect((box as HTMLInputElement).value).toBe('');
    type('who');
    key('Tab');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('says when nothing matches', async () => {
    const { box, type } = await setup();
    type('zzzz');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('No matches')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('No matches'));
  });

  it('clears with its button and keeps the focus in the box', async () => {
    const { box, type } = await setup();
    box.focus();
    type('who');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect((box as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(box);
  });

  it('speaks Chinese: label, kinds, counts and the other language beside', async () => {
    const { type, options } = await setup('zh');
    expect(screen.getByRole('combobox', { name: '搜索' })).toBeTruthy();
    type('医院');
    expect(options()[0]?.textContent).toBe('甲医院Hospital A中国机构4 条合作');
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('3 条结果'));
    type('zzzz');
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('无匹配结果'));
  });
});
