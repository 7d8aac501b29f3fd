/**
 * A link's time and evidence in Russian (see link-words.ts). Loaded with the Russian interface
 * strings, not in the first download. Dates follow a colon ("завершено: август 2023 г.") so a
 * month's name never needs a case the formatter does not give.
 */
import type { DateWords, formatDate, formatPartial } from './dates.ts';
import type { Words } from './link-words.ts';

/** "by 2019", "between 2016 and 2018", "date not stated" (dates.ts registerDateWords). */
export const DATE_WORDS_RU: DateWords = { unknown: 'дата не указана', before: (x) => `не позднее ${x}`, range: (a, b) => `между ${a} и ${b}` };

const plural = new Intl.PluralRules('ru');
/** "1 источник", "3 источника", "5 источников". */
const sources = (n: number) => `${n} ${({ one: 'источник', few: 'источника' } as Record<string, string>)[plural.select(n)] ?? 'источников'}`;

const inline = {
  planned: 'запланировано (объявлено, но неизвестно, состоялось ли)', agreed: 'согласовано (подписано, начало пока не подтверждено)',
  active: 'действует', completed: 'завершено', ended: 'прекращено', unknown: 'статус не указан',
} as const;

/**
 * The words, given the date formatters: this chunk imports nothing from the first download at run
 * time (the app's entry awaits the language before it finishes, so such an import would wait forever).
 */
export const wordsForRu = (f: { formatDate: typeof formatDate; formatPartial: typeof formatPartial }): Words => ({
  kind: { event: 'Событие', tie: 'Связь' },
  status: {
    planned: 'Запланировано', agreed: 'Согласовано (подписано, начало пока не подтверждено)', active: 'Действует',
    completed: 'Завершено', ended: 'Прекращено', unknown: 'Статус не указан',
  },
  statusShort: { planned: 'Запланировано', agreed: 'Согласовано', active: 'Действует', completed: 'Завершено', ended: 'Прекращено', unknown: 'Не указан' },
  kindInline: { event: 'событие', tie: 'связь' },
  statusInline: inline,
  statusEnd: (status, end) => (status === 'completed' || status === 'ended' ? `${inline[status]}: ${end}` : `${inline[status]}, прекращено: ${end}`),
  tieStart: (d, lang) => {
    switch (d.precision) {
      case 'day': case 'month': case 'year': return `начало: ${f.formatPartial(d.value, lang)}`;
      case 'range': case 'before': return `начало: ${f.formatDate(d, lang)}`;
      case 'unknown': return 'начало не указано';
    }
  },
  ongoing: (date, title) => `, всё ещё действует по состоянию на ${date}${title ? ` (${title})` : ''}`,
  seenRunning: (date, title) => `, действовало по состоянию на ${date}${title ? ` (${title})` : ''}`,
  sep: ' · ',
  sources: (n, k) => `${sources(n)} (независимых: ${k})`,
  side: { partner: 'сторона партнёра', chinese: 'китайская сторона', 'third-party': 'третья сторона' },
  confirmedBy: (sides) => `подтверждают: ${sides.join(' и ')}`,
  stated: 'указано в источнике',
  inferred: (reason) => `выведено: ${reason}`,
  sideShort: { partner: 'сторона партнёра', chinese: 'китайская сторона', 'third-party': 'третья сторона' },
  independentShort: (n) => `независимых: ${n}`,
  inferredShort: 'выведено',
  datePrecision: {
    day: 'дата с точностью до дня', month: 'дата с точностью до месяца', year: 'дата с точностью до года',
    range: 'дата известна лишь как промежуток', by: 'дата известна лишь как «не позднее»', unknown: 'дата не указана',
  },
  place: {
    site: 'точное место', city: 'уровень города', province: 'уровень провинции', 'country-anchor': 'метка страны',
    'schematic-region': 'условная точка региона', none: 'место не указано',
  },
  placeLine: (i, p) => `Место: китайское учреждение — ${i}; партнёр — ${p}`,
  evidenceOption: { partner: 'Подтверждено стороной партнёра', stated: 'Указано прямо, не выведено', multi: 'Два и более независимых источника' },
  listSep: ', ',
});
