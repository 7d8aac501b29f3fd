import { describe, expect, it } from 'vitest';
import { acceptsSender, normalizeOrigin, parseOrigins, targetOrigins } from '../../src/embed/origins.ts';
import { parseViewState, serializeViewState } from '../../src/url/view-state.ts';

describe('host origins', () => {
  it('keeps well-formed http(s) origins and drops the rest', () => {
    expect(normalizeOrigin('https://example.org/')).toBe('https://example.org');
    expect(normalizeOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    for (const bad of ['example.org', 'javascript:alert(1)', 'https://example.org/page', 'https://u:p@example.org', 'file:///x', '*', 'null', '']) {
      expect(normalizeOrigin(bad)).toBeNull();
    }
    expect(parseOrigins('https://a.org, https://b.org,nonsense,https://a.org')).toEqual(['https://a.org', 'https://b.org']);
    expect(parseOrigins('https://a.org,'.repeat(50))).toEqual(['https://a.org']);
  });

  it('round-trips embed and host in the URL', () => {
    const v = parseViewState('?embed=1&host=https://example.org,https://www.example.org');
    expect(v.embed).toBe(true);
    expect(v.hosts).toEqual(['https://example.org', 'https://www.example.org']);
    expect(serializeViewState(v)).toBe('embed=1&host=https%3A%2F%2Fexample.org,https%3A%2F%2Fwww.example.org');
    expect(parseViewState(`?${serializeViewState(v)}`)).toEqual(v);
  });
});

describe('who may steer the embed', () => {
  const parent = { name: 'parent' };
  const self = { name: 'self' };
  const sibling = { name: 'sibling' };

  it('without host=: the parent window only, whatever its origin', () => {
    const me = { parent, hosts: [] };
    expect(acceptsSender({ source: parent, origin: 'https://anywhere.example' }, me, self)).toBe(true);
    expect(acceptsSender({ source: sibling, origin: 'https://anywhere.example' }, me, self)).toBe(false);
    expect(acceptsSender({ source: null, origin: 'https://anywhere.example' }, me, self)).toBe(false);
    // Not in a frame: its parent is itself, and nothing may steer it.
    expect(acceptsSender({ source: self, origin: 'http://127.0.0.1' }, { parent: self, hosts: [] }, self)).toBe(false);
  });

  it('with host=: the named origins only', () => {
    const me = { parent, hosts: ['https://example.org'] };
    expect(acceptsSender({ source: sibling, origin: 'https://example.org' }, me, self)).toBe(true);
    expect(acceptsSender({ source: parent, origin: 'https://other.example' }, me, self)).toBe(false);
  });

  it('posts to the named origins, or to any when none is named', () => {
    expect(targetOrigins([])).toEqual(['*']);
    expect(targetOrigins(['https://a.org', 'https://b.org'])).toEqual(['https://a.org', 'https://b.org']);
  });
});
