/**
 * A tally in words, the one way every count on screen is said: the links certainly in the window,
 * then apart those only possibly in it, the undated and the planned ones (marked when shown,
 * since they are drawn but never counted as links). "5 links · 2 more possibly · 1 undated".
 */
import type { TFunction } from 'i18next';
import type { Tally } from '../domain/aggregate.ts';
import type { Lang } from '../url/view-state.ts';
import { formatNumber } from './format.ts';

export function tallyWords(t: TFunction, tally: Tally, shown: { includeUndated: boolean; includePlanned?: boolean }, lang: Lang): string {
  const n = (x: number) => formatNumber(x, lang);
  return [
    t('summary.links', { count: tally.certain, n: n(tally.certain) }),
    ...(tally.possible ? [t('summary.possible', { count: tally.possible, n: n(tally.possible) })] : []),
    ...(tally.undated ? [t(shown.includeUndated ? 'summary.undatedShown' : 'summary.undated', { count: tally.undated, n: n(tally.undated) })] : []),
    ...(tally.planned ? [t(shown.includePlanned ? 'summary.plannedShown' : 'summary.planned', { count: tally.planned, n: n(tally.planned) })] : []),
  ].join(' · ');
}
