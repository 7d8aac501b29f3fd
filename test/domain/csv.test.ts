import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, UTF8_BOM } from '../../src/domain/csv.ts';

type Col = 'id' | 'text' | 'lon';
const COLS: readonly Col[] = ['id', 'text', 'lon'];

function parse(text: string) {
  const parsed = Papa.parse<Record<Col, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('toCsv', () => {
  it('puts an apostrophe before every text cell that a spreadsheet would run as a formula', () => {
    const starts = ['=HYPERLINK("http://example.org","click")', '+1', '-2', '@x', '\tx', '\rx', '=1+1\nsecond line', '＝1+1', '-5'];
    const rows = starts.map((text, i) => ({ id: `r${i}`, text, lon: '' }));
    const back = parse(toCsv(COLS, rows));
    expect(back.map((r) => r.text)).toEqual(starts.map((s) => `'${s}`));
  });

  it('leaves harmless cells alone, including ISO date ranges and text with a minus inside', () => {
    const texts = ['../2018-09', '2016/2018', 'Lao Cai – Hekou', 'a-b', '2018-09-06', '¶4'];
    const back = parse(toCsv(COLS, texts.map((text, i) => ({ id: `r${i}`, text, lon: '' }))));
    expect(back.map((r) => r.text)).toEqual(texts);
  });

  it('writes numeric columns as numbers: negative coordinates are not escaped, non-numbers in them are', () => {
    const rows = [{ id: 'a', text: '-77.03', lon: '-77.03' }, { id: 'b', text: 'x', lon: '-1+2' }, { id: 'c', text: 'x', lon: '' }];
    const back = parse(toCsv(COLS, rows, { numeric: ['lon'] }));
    expect(back.map((r) => r.lon)).toEqual(['-77.03', "'-1+2", '']);
    expect(back[0]!.text).toBe("'-77.03"); // the same text in a text column is escaped
  });

  it('starts with a byte-order mark only when asked, and keeps Chinese intact', () => {
    const rows = [{ id: '甲', text: '逗号,引号"换行\n结束', lon: '1' }];
    const plain = toCsv(COLS, rows);
    const withBom = toCsv(COLS, rows, { bom: true });
    expect(plain.startsWith(UTF8_BOM)).toBe(false);
    expect(withBom.startsWith(UTF8_BOM)).toBe(true);
    expect(withBom.slice(1)).toBe(plain);
    const bytes = new TextEncoder().encode(withBom);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    // papaparse strips the mark itself when parsing.
    expect(parse(withBom)).toEqual([{ id: '甲', text: '逗号,引号"换行\n结束', lon: '1' }]);
  });

  it('quotes only what needs it, with CRLF line ends and a final CRLF, also with no rows', () => {
    expect(toCsv(COLS, [{ id: 'a', text: 'b, c', lon: '2' }])).toBe('id,text,lon\r\na,"b, c",2\r\n');
    expect(toCsv(COLS, [])).toBe('id,text,lon\r\n');
  });
});
