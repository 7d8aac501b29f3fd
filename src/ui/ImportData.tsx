/**
 * "Open your own data…": a button (and a drop on the atlas, see useFileDrop) that reads a CSV on
 * this computer — File.text(), no request — and the report of what became of it: which file is
 * shown, how many rows became links, every refused row by row number and column, and the way back
 * to the atlas's own data. The import itself is csv-import.ts (the same as `npm run data:import`).
 */
import { useCallback, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../domain/csv-import.ts';
import type { TimelineSpan } from '../domain/dates.ts';
import { formatNumber } from './format.ts';
import type { Lang } from '../url/view-state.ts';

/** What happened to the last file opened. */
export type ImportReport =
  | { state: 'reading'; file: string }
  | { state: 'failed'; file: string; message: string }
  | {
    state: 'done'; file: string; rows: number; imported: number; refused: number[]; problems: ImportProblem[];
    englishFallbacks: number; span: TimelineSpan;
  };

/** Whether a file looks like a CSV (by name or type); anything else is refused before it is read. */
export function isCsvFile(f: { name: string; type: string }): boolean {
  return /\.csv$/i.test(f.name) || f.type === 'text/csv';
}

/** The button and its hidden file input. */
export function ImportButton({ onFile }: { onFile: (f: File) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <>
      <button type="button" className="import-button" aria-describedby={hintId} onClick={() => input.current?.click()}>{t('import.open')}</button>
      <span id={hintId} hidden>{t('import.openHint')}</span>
      <input ref={input} type="file" accept=".csv,text/csv" hidden data-testid="import-input" onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        // Cleared, so choosing the same file again (after fixing it) reads it again.
        e.currentTarget.value = '';
        if (f) onFile(f);
      }} />
    </>
  );
}

/** Drag-and-drop of a file anywhere on the element: whether a file is over it, and the handlers to spread on it. */
export function useFileDrop(onFile: (f: File) => void) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const onDragEnter = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current += 1;
    setDragging(true);
  }, []);
  const onDragOver = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allows the drop (and keeps the browser from opening the file itself)
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  }, [onFile]);
  return { dragging, handlers: { onDragEnter, onDragOver, onDragLeave, onDrop } };
}

/** The report: which file is shown, the counts, every problem by row and column, the way back. */
/** Where a problem's message goes in the translated sentence. */
const MESSAGE = '\u0000message\u0000';

/**
 * A problem's sentence in the page's language with the import's own message (written in English,
 * like the CSV's columns) in it, marked lang="en" on other pages: read in an English voice, and kept
 * left to right inside an Arabic sentence.
 */
function withMessage(sentence: string, message: string, lang: Lang) {
  const [before = '', after = ''] = sentence.split(MESSAGE);
  return <>{before}{lang === 'en' ? message : <span lang="en">{message}</span>}{after}</>;
}

export function ImportReportView({ report, showing, lang, onBack, onClose }: {
  report: ImportReport; showing: boolean; lang: Lang; onBack: () => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const n = (x: number) => formatNumber(x, lang);
  if (report.state === 'reading') return <p className="import-report" role="status">{t('import.reading', { file: report.file })}</p>;
  if (report.state === 'failed') {
    return (
      <section className="import-report import-failed" role="alert">
        <p>{report.message}</p>
        <div className="import-actions"><button type="button" onClick={onClose}>{t('import.close')}</button></div>
      </section>
    );
  }
  const fileProblems = report.problems.filter((p) => p.row === 1);
  const rowProblems = report.problems.filter((p) => p.row > 1);
  return (
    <section className={report.imported ? 'import-report' : 'import-report import-failed'} aria-labelledby={headingId}
      role={report.imported ? undefined : 'alert'}>
      <h2 id={headingId}>{report.imported ? t('import.shown', { file: report.file }) : t('import.nothing', { file: report.file })}</h2>
      <p className="import-counts" data-testid="import-counts">
        {[
          t('import.counts', { count: report.rows, imported: report.imported, n: n(report.rows) }),
          report.refused.length ? t('import.refused', { count: report.refused.length }) : t('import.noneRefused'),
          ...(report.imported ? [t('import.years', { first: report.span.first, last: report.span.last })] : []),
          ...(report.englishFallbacks ? [t('import.fallbacks', { count: report.englishFallbacks })] : []),
        ].join(' · ')}
      </p>
      {report.problems.length > 0 && (
        <>
          <h3>{t('import.problems')}</h3>
          <ul className="import-problems" data-testid="import-problems">
            {fileProblems.map((p, i) => <li key={`f${i}`}>{withMessage(t('import.fileProblem', { column: p.column, message: MESSAGE }), p.message, lang)}</li>)}
            {rowProblems.map((p, i) => <li key={i} data-row={p.row} data-column={p.column}>{withMessage(t('import.problem', { row: p.row, column: p.column, message: MESSAGE }), p.message, lang)}</li>)}
          </ul>
        </>
      )}
      <div className="import-actions">
        {showing && <button type="button" onClick={onBack}>{t('import.back')}</button>}
        {!showing && <button type="button" onClick={onClose}>{t('import.close')}</button>}
      </div>
    </section>
  );
}
