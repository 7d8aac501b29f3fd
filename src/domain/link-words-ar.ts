/**
 * A link's time and evidence in Arabic (see link-words.ts). Loaded with the Arabic interface
 * strings, not in the first download. Numbers stay in Western digits, as everywhere in the atlas.
 */
import type { DateWords, formatDate, formatPartial } from './dates.ts';
import type { Words } from './link-words.ts';

/** "by 2019", "between 2016 and 2018", "date not stated" (dates.ts registerDateWords). */
export const DATE_WORDS_AR: DateWords = { unknown: 'التاريخ غير مذكور', before: (x) => `بحلول ${x}`, range: (a, b) => `بين ${a} و${b}` };

const plural = new Intl.PluralRules('ar');
/** "مصدر واحد", "مصدران", "3 مصادر", "11 مصدرًا", "100 مصدر". */
function sources(n: number): string {
  switch (plural.select(n)) {
    case 'one': return 'مصدر واحد';
    case 'two': return 'مصدران';
    case 'few': return `${n} مصادر`;
    case 'many': return `${n} مصدرًا`;
    default: return n === 0 ? 'لا مصادر' : `${n} مصدر`;
  }
}

const inline = {
  planned: 'مخطط له (أُعلن عنه، ولا يُعرف بعد أنه حدث)', agreed: 'متفق عليه (موقّع، ولا يُعرف بعد أنه بدأ)',
  active: 'نشط', completed: 'مكتمل', ended: 'منتهٍ', unknown: 'الحالة غير مذكورة',
} as const;

/**
 * The words, given the date formatters: this chunk imports nothing from the first download at run
 * time (the app's entry awaits the language before it finishes, so such an import would wait forever).
 */
export const wordsForAr = (f: { formatDate: typeof formatDate; formatPartial: typeof formatPartial }): Words => ({
  kind: { event: 'حدث', tie: 'علاقة مستمرة' },
  status: {
    planned: 'مخطط له', agreed: 'متفق عليه (موقّع، ولا يُعرف بعد أنه بدأ)', active: 'نشط',
    completed: 'مكتمل', ended: 'منتهٍ', unknown: 'الحالة غير مذكورة',
  },
  statusShort: { planned: 'مخطط له', agreed: 'متفق عليه', active: 'نشط', completed: 'مكتمل', ended: 'منتهٍ', unknown: 'غير مذكورة' },
  kindInline: { event: 'حدث', tie: 'علاقة مستمرة' },
  statusInline: inline,
  statusEnd: (status, end) => (status === 'completed' ? `اكتمل في ${end}` : status === 'ended' ? `انتهى في ${end}` : `${inline[status]}، انتهى في ${end}`),
  tieStart: (d, lang) => {
    switch (d.precision) {
      case 'day': case 'month': case 'year': return `منذ ${f.formatPartial(d.value, lang)}`;
      case 'range': case 'before': return `بدأ ${f.formatDate(d, lang)}`;
      case 'unknown': return 'تاريخ البدء غير مذكور';
    }
  },
  ongoing: (date, title) => `، ولا يزال جاريًا حتى ${date}${title ? ` (${title})` : ''}`,
  seenRunning: (date, title) => `، وكان جاريًا في ${date}${title ? ` (${title})` : ''}`,
  sep: ' · ',
  sources: (n, k) => `${sources(n)} (المستقلة منها: ${k})`,
  side: { partner: 'الجانب الشريك', chinese: 'الجانب الصيني', 'third-party': 'طرف ثالث' },
  confirmedBy: (sides) => `أكّده ${sides.join(' و')}`,
  stated: 'مذكور صراحةً',
  inferred: (reason) => `مستنتج: ${reason}`,
  sideShort: { partner: 'الجانب الشريك', chinese: 'الجانب الصيني', 'third-party': 'طرف ثالث' },
  independentShort: (n) => `مصادر مستقلة: ${n}`,
  inferredShort: 'مستنتج',
  datePrecision: {
    day: 'التاريخ محدد باليوم', month: 'التاريخ محدد بالشهر', year: 'التاريخ محدد بالسنة',
    range: 'التاريخ معروف كفترة فقط', by: 'التاريخ معروف فقط بصيغة «بحلول»', unknown: 'التاريخ غير مذكور',
  },
  place: {
    site: 'الموقع الدقيق', city: 'على مستوى المدينة', province: 'على مستوى المقاطعة', 'country-anchor': 'علامة البلد',
    'schematic-region': 'نقطة تخطيطية للمنطقة', none: 'لم يُذكر مكان',
  },
  placeLine: (i, p) => `المكان: المؤسسة الصينية: ${i}؛ الشريك: ${p}`,
  evidenceOption: { partner: 'أكّده الجانب الشريك', stated: 'مذكور صراحةً، غير مستنتج', multi: 'مصدران مستقلان أو أكثر' },
  listSep: '، ',
});
