import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, clampViewToSpan, parseViewState, serializeViewState, viewWindow } from '../../src/url/view-state.ts';

describe('URL view state', () => {
  it('gives the defaults for an empty query and writes nothing for them', () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips every parameter', () => {
    const v = { ...DEFAULT_VIEW, lang: 'zh' as const, mode: 'range' as const, year: 2021, from: 2017, includeUndated: true, selection: 'arc:srrsh~MYS', dataPath: 'bench/10k' };
    const q = serializeViewState(v);
    expect(q).toBe('lang=zh&mode=range&year=2021&from=2017&undated=1&sel=arc%3Asrrsh%7EMYS&data=bench%2F10k');
    expect(parseViewState(`?${q}`)).toEqual(v);
  });

  it('clamps years to 2015–2025 (the bundled data\'s span) once the data is loaded, and ignores what is not a year', () => {
    const bundled = { first: 2015, last: 2025 };
    // Before the data is loaded a year is kept within the widest timeline (a dataset of one's own may reach it) …
    expect(parseViewState('?year=1999').year).toBe(1999);
    expect(parseViewState('?year=3000').year).toBe(2068);
    // … and narrowed to the dataset's own years once it is.
    expect(clampViewToSpan(parseViewState('?year=1999'), bundled).year).toBe(2015);
    expect(clampViewToSpan(parseViewState('?year=3000'), bundled).year).toBe(2025);
    expect(clampViewToSpan(parseViewState('?year=2027'), { first: 2012, last: 2027 }).year).toBe(2027);
    expect(clampViewToSpan(parseViewState('?mode=range&from=2012&year=2014'), { first: 2012, last: 2027 })).toMatchObject({ from: 2012, year: 2014 });
    const inside = parseViewState('?year=2020');
    expect(clampViewToSpan(inside, bundled)).toBe(inside);
    expect(parseViewState('?year=twenty').year).toBe(2025);
    expect(parseViewState('?year=2019.5').year).toBe(2025);
    expect(parseViewState('?year=').year).toBe(2025);
  });

  it('falls back to defaults for odd values', () => {
    const v = parseViewState('?lang=fr&mode=sideways&undated=maybe&sel=<script>&data=https://evil.example/x');
    expect(v).toEqual(DEFAULT_VIEW);
  });

  it('accepts zh-CN style language tags as Chinese', () => {
    expect(parseViewState('?lang=zh-CN').lang).toBe('zh');
  });

  it('reads Arabic and Russian, with region tags too, and writes them back', () => {
    expect(parseViewState('?lang=ar').lang).toBe('ar');
    expect(parseViewState('?lang=ar-EG').lang).toBe('ar');
    expect(parseViewState('?lang=RU').lang).toBe('ru');
    expect(parseViewState('?lang=arabic').lang).toBe('en');
    expect(serializeViewState({ ...DEFAULT_VIEW, lang: 'ru' })).toBe('lang=ru');
  });

  it('never lets the data path leave the origin', () => {
    for (const bad of ['//evil.example', '../secrets', 'http:/x', '/etc/passwd', 'a/../../b', 'data?x=1']) {
      expect(parseViewState(`?data=${encodeURIComponent(bad)}`).dataPath, bad).toBe('data');
    }
  });

  it('puts a reversed range the right way round', () => {
    const v = parseViewState('?mode=range&from=2022&year=2018');
    expect([v.from, v.year]).toEqual([2018, 2022]);
  });

  it('ignores `from` outside range mode', () => {
    expect(serializeViewState({ ...parseViewState('?mode=upto&from=2018'), year: 2020 })).toBe('year=2020');
  });

  it('turns each mode into the window of years it shows', () => {
    // "Up to" has no first year: a link certainly by 2019 counts however early it was.
    expect(viewWindow({ ...DEFAULT_VIEW, mode: 'upto', year: 2019 })).toEqual({ from: Number.NEGATIVE_INFINITY, to: 2019, includeUndated: false, includePlanned: false });
    expect(viewWindow({ ...DEFAULT_VIEW, mode: 'in', year: 2019 })).toEqual({ from: 2019, to: 2019, includeUndated: false, includePlanned: false });
    expect(viewWindow({ ...DEFAULT_VIEW, mode: 'range', from: 2017, year: 2019, includeUndated: true, includePlanned: true })).toEqual({ from: 2017, to: 2019, includeUndated: true, includePlanned: true });
  });

  it('reads and writes the planned toggle', () => {
    expect(parseViewState('?planned=1').includePlanned).toBe(true);
    expect(parseViewState('?planned=yes').includePlanned).toBe(false);
    expect(serializeViewState({ ...DEFAULT_VIEW, includePlanned: true })).toBe('planned=1');
  });
});

describe('URL view state: explore keys', () => {
  it('round-trips the view, filters and camera, with readable commas', () => {
    const v = parseViewState('?view=table&cat=training,tcm&type=agreement&inst=srrsh,fuwai&country=kaz,PAK&partner=ummc&prog=belt-and-road-course&scope=international&online=1&source=s001&at=76.9,43.25,4.5');
    expect(v.view).toBe('table');
    expect(v.filters).toEqual({
      cat: ['training', 'tcm'], type: ['agreement'], inst: ['srrsh', 'fuwai'], country: ['KAZ', 'PAK'], partner: ['ummc'],
      prog: 'belt-and-road-course', scope: 'international', online: true, source: 's001', status: [], evidence: [],
    });
    expect(v.camera).toEqual({ lon: 76.9, lat: 43.25, zoom: 4.5 });
    const q = serializeViewState(v);
    expect(q).toBe('view=table&cat=training,tcm&type=agreement&inst=srrsh,fuwai&country=KAZ,PAK&partner=ummc&prog=belt-and-road-course&scope=international&online=1&source=s001&at=76.9,43.25,4.5');
    expect(parseViewState(`?${q}`)).toEqual(v);
  });

  it('drops malformed options but keeps the well-formed ones beside them', () => {
    const v = parseViewState('?cat=training,bogus&type=nope&country=KAZ,K4Z,<b>&online=yes&scope=space&at=1,2&view=globe');
    expect(v.filters.cat).toEqual(['training']);
    expect(v.filters.type).toEqual([]);
    expect(v.filters.country).toEqual(['KAZ']);
    expect(v.filters.online).toBeNull();
    expect(v.filters.scope).toBeNull();
    expect(v.camera).toBeNull();
    expect(v.view).toBe('map');
  });

  it('reads status and evidence as lists of known options, each once, and writes them back', () => {
    const v = parseViewState('?status=agreed,active,bogus,agreed&evidence=multi,partner,strong');
    expect(v.filters.status).toEqual(['agreed', 'active']);
    expect(v.filters.evidence).toEqual(['multi', 'partner']);
    const q = serializeViewState(v);
    expect(q).toBe('status=agreed,active&evidence=multi,partner');
    expect(parseViewState(`?${q}`).filters).toEqual(v.filters);
    // Old links, without either key, mean no such filter.
    expect(parseViewState('?cat=training').filters).toMatchObject({ status: [], evidence: [] });
    expect(parseViewState('?status=Agreed&evidence=').filters).toMatchObject({ status: [], evidence: [] });
  });

  it('clamps the camera and wraps its longitude', () => {
    expect(parseViewState('?at=200,95,20').camera).toEqual({ lon: -160, lat: 85, zoom: 9 });
  });

  it('reads presenter mode, its theme and autoplay, writes them only when set, and keeps old links as they were', () => {
    const v = parseViewState('?present=1&theme=LIGHT&autoplay=1&year=2018');
    expect(v).toMatchObject({ present: true, theme: 'light', autoplay: true, year: 2018 });
    expect(serializeViewState(v)).toBe('year=2018&present=1&theme=light&autoplay=1');
    expect(parseViewState('?present=yes&theme=pink&autoplay=2')).toMatchObject({ present: false, theme: 'dark', autoplay: false });
    expect(parseViewState('?year=2019')).toMatchObject({ present: false, theme: 'dark', autoplay: false });
    expect(serializeViewState({ ...parseViewState('?year=2019'), theme: 'dark' })).toBe('year=2019');
  });
});
