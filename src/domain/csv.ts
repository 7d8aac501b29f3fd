/**
 * CSV writing with papaparse: RFC 4180 (CRLF line ends, a field quoted only when it needs it) and
 * formula escaping on, so a spreadsheet that opens the file never runs a cell as a formula.
 */
import Papa from 'papaparse';

/** UTF-8 byte-order mark: without it, Excel reads a CSV as the system code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/**
 * A text cell starting with one of these gets a leading `'` (papaparse's escapeFormulae): `=`, `+`,
 * `-`, `@`, tab, CR, and, as a precaution, their full-width forms (＝＋－＠), which CJK input
 * methods produce. Our own pattern, not papaparse's `true`: its default `/^[=+\-@\t\r].*$/` has no
 * `s` flag, so a multi-line cell starting with `=` would slip through unescaped.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** How toCsv writes: which columns are numbers, and whether a byte-order mark comes first. */
export interface CsvOptions<K extends string> {
  /**
   * Columns holding numbers (coordinates, counts): a cell that is exactly a number's text is written
   * as that number, which papaparse does not escape, so `-77.03` stays a number and not `'-77.03`.
   */
  numeric?: readonly K[];
  /** Start with the UTF-8 byte-order mark (files meant for spreadsheets). */
  bom?: boolean;
}

/** The cell as papaparse should see it: a number only when the text is a number's own spelling. */
function cell(value: string, numeric: boolean): string | number {
  if (!numeric || value === '') return value;
  const n = Number(value);
  return Number.isFinite(n) && String(n) === value ? n : value;
}

/** Header plus one line per row, columns in the given order, each line ending in CRLF. */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, string>[], options: CsvOptions<K> = {}): string {
  const numeric = new Set<string>(options.numeric ?? []);
  const isNumeric = columns.map((c) => numeric.has(c));
  const text = Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c, i) => cell(r[c], isNumeric[i] === true))) },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START, header: true },
  );
  // papaparse ends the text with CRLF only when there are no rows; RFC 4180 allows the final one, and tools expect it.
  return `${options.bom ? UTF8_BOM : ''}${text.endsWith('\r\n') ? text : `${text}\r\n`}`;
}
