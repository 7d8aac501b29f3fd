/**
 * A link's time and evidence in words, in English and Chinese: "Event · 6 Sept 2018 · completed",
 * "Tie · since 2019 · active, still running as of 25 Feb 2023 (Source)", "2 sources (2 independent)
 * · confirmed by the partner side · stated". The words live here beside the dates' own words
 * (dates.ts), so the panel, the table, the filters and tests share one wording. Pure.
 */
import { dataLang, formatDate, formatPartial, type Lang } from './dates.ts';
import type { DatePrecisionWord, EvidenceOption, EvidenceStrength } from './evidence-strength.ts';
import type { DateSpec, Link, LinkKind, LinkStatus, SourceSide } from './schema.ts';

/** The statuses in the order of a link's life: the order of the filter and of the table's sort. */
export const STATUS_ORDER: readonly LinkStatus[] = ['planned', 'agreed', 'active', 'completed', 'ended', 'unknown'];

/** One language's words for a link's time and evidence. Exported so the lazily loaded languages (link-words-ar.ts …) can fill it. */
export interface Words {
  kind: Record<LinkKind, string>;
  /** Capitalised, to stand alone (a filter option, a table cell). */
  status: Record<LinkStatus, string>;
  /** Short, for a table cell. */
  statusShort: Record<LinkStatus, string>;
  kindInline: Record<LinkKind, string>;
  /** Lower case, inside the time sentence. */
  statusInline: Record<LinkStatus, string>;
  /** The status with the tie's end date ("ended Aug 2023"). */
  statusEnd: (status: LinkStatus, end: string) => string;
  tieStart: (d: DateSpec, lang: Lang) => string;
  ongoing: (date: string, title: string | undefined) => string;
  /** A tie that has ended, seen running on an earlier date: "still running" would contradict its end. */
  seenRunning: (date: string, title: string | undefined) => string;
  sep: string;
  sources: (n: number, independent: number) => string;
  side: Record<SourceSide, string>;
  confirmedBy: (sides: string[]) => string;
  stated: string;
  inferred: (reason: string) => string;
  /** Short forms for a table cell. */
  sideShort: Record<SourceSide, string>;
  independentShort: (n: number) => string;
  inferredShort: string;
  datePrecision: Record<DatePrecisionWord, string>;
  place: Record<EvidenceStrength['partnerPlace'], string>;
  placeLine: (institution: string, partner: string) => string;
  evidenceOption: Record<EvidenceOption, string>;
  /** Between items of a list ("、" in Chinese). */
  listSep: string;
}

const list = (xs: string[], and: string) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')}${and}${xs.at(-1) ?? ''}`);

// Arabic and Russian come with their language's chunk (registerLinkWords), not in the first download.
const WORDS: { en: Words; zh: Words } & Partial<Record<Lang, Words>> = {
  en: {
    kind: { event: 'Event', tie: 'Tie' },
    status: {
      planned: 'Planned', agreed: 'Agreed (signed, not yet known to have started)', active: 'Active',
      completed: 'Completed', ended: 'Ended', unknown: 'Status not stated',
    },
    statusShort: { planned: 'Planned', agreed: 'Agreed', active: 'Active', completed: 'Completed', ended: 'Ended', unknown: 'Not stated' },
    kindInline: { event: 'event', tie: 'tie' },
    statusInline: {
      planned: 'planned (announced, not yet known to have happened)', agreed: 'agreed (signed, not yet known to have started)',
      active: 'active', completed: 'completed', ended: 'ended', unknown: 'status not stated',
    },
    statusEnd: (status, end) => (status === 'ended' || status === 'completed' ? `${status} ${end}` : `${WORDS.en.statusInline[status]}, ended ${end}`),
    tieStart: (d, lang) => {
      switch (d.precision) {
        case 'day': case 'month': case 'year': return `since ${formatPartial(d.value, lang)}`;
        case 'range': return `started ${formatDate(d, lang)}`;
        case 'before': return `started ${formatDate(d, lang)}`;
        case 'unknown': return 'start not stated';
      }
    },
    ongoing: (date, title) => `, still running as of ${date}${title ? ` (${title})` : ''}`,
    seenRunning: (date, title) => `, seen running on ${date}${title ? ` (${title})` : ''}`,
    sep: ' · ',
    sources: (n, k) => `${n} ${n === 1 ? 'source' : 'sources'} (${k} independent)`,
    side: { partner: 'the partner side', chinese: 'the Chinese side', 'third-party': 'a third party' },
    confirmedBy: (sides) => `confirmed by ${list(sides, ' and ')}`,
    stated: 'stated',
    inferred: (reason) => `inferred: ${reason}`,
    sideShort: { partner: 'partner side', chinese: 'Chinese side', 'third-party': 'third party' },
    independentShort: (n) => `${n} independent`,
    inferredShort: 'inferred',
    datePrecision: {
      day: 'date to the day', month: 'date to the month', year: 'date to the year',
      range: 'date known only as a span', by: 'date known only as “by”', unknown: 'date not stated',
    },
    place: {
      site: 'exact site', city: 'city level', province: 'province level', 'country-anchor': "the country's marker",
      'schematic-region': 'a schematic point for the region', none: 'no place given',
    },
    placeLine: (i, p) => `Place: Chinese institution at ${i}; partner at ${p}`,
    evidenceOption: {
      partner: 'Confirmed by the partner side', stated: 'Stated, not inferred', multi: 'Two or more independent sources',
    },
    listSep: ', ',
  },
  zh: {
    kind: { event: '事件', tie: '持续合作' },
    status: {
      planned: '计划中', agreed: '已签署（尚不知是否已开始）', active: '进行中',
      completed: '已完成', ended: '已结束', unknown: '状态未说明',
    },
    statusShort: { planned: '计划中', agreed: '已签署', active: '进行中', completed: '已完成', ended: '已结束', unknown: '未说明' },
    kindInline: { event: '事件', tie: '持续合作' },
    statusInline: {
      planned: '计划中（已宣布，尚不知是否已进行）', agreed: '已签署（尚不知是否已开始）',
      active: '进行中', completed: '已完成', ended: '已结束', unknown: '状态未说明',
    },
    statusEnd: (status, end) => (status === 'completed' ? `${end}完成` : status === 'ended' ? `${end}结束` : `${WORDS.zh.statusInline[status]}，${end}结束`),
    tieStart: (d, lang) => {
      switch (d.precision) {
        case 'day': case 'month': case 'year': return `自${formatPartial(d.value, lang)}起`;
        case 'range': return `始于${formatDate(d, lang)}`;
        case 'before': return `${formatPartial(d.to, lang)}或之前开始`;
        case 'unknown': return '开始时间未说明';
      }
    },
    ongoing: (date, title) => `，截至${date}仍在进行${title ? `（${title}）` : ''}`,
    seenRunning: (date, title) => `，${date}时仍在进行${title ? `（${title}）` : ''}`,
    sep: ' · ',
    sources: (n, k) => `${n}个来源（${k}个独立）`,
    side: { partner: '合作方', chinese: '中方', 'third-party': '第三方' },
    confirmedBy: (sides) => `经${sides.join('、')}证实`,
    stated: '来源明确陈述',
    inferred: (reason) => `推断：${reason}`,
    sideShort: { partner: '合作方', chinese: '中方', 'third-party': '第三方' },
    independentShort: (n) => `${n}个独立来源`,
    inferredShort: '推断',
    datePrecision: {
      day: '日期精确到日', month: '日期精确到月', year: '日期精确到年',
      range: '日期仅知一个区间', by: '日期仅知“某时或之前”', unknown: '日期未说明',
    },
    place: {
      site: '确切地点', city: '城市级', province: '省级', 'country-anchor': '国家标记点',
      'schematic-region': '地区示意点', none: '未给出地点',
    },
    placeLine: (i, p) => `位置：中国机构为${i}；合作方为${p}`,
    evidenceOption: {
      partner: '经合作方证实', stated: '来源明确陈述（非推断）', multi: '两个及以上独立来源',
    },
    listSep: '、',
  },
};

/** Adds a language's words (called once its chunk has loaded); until then that language reads English. */
export function registerLinkWords(lang: Lang, words: Words): void {
  WORDS[lang] = words;
}

const wordsOf = (lang: Lang): Words => WORDS[lang] ?? WORDS.en;

/** A status standing alone: "Agreed (signed, not yet known to have started)", "Planned". */
export function statusLabel(status: LinkStatus, lang: Lang): string {
  return wordsOf(lang).status[status];
}

/** A status in one word or two ("Agreed", "Not stated"). */
export function statusShortLabel(status: LinkStatus, lang: Lang): string {
  return wordsOf(lang).statusShort[status];
}

/** For a table cell: "Active · tie", "Agreed · event". */
export function statusShort(link: Pick<Link, 'status' | 'kind'>, lang: Lang): string {
  const w = wordsOf(lang);
  return `${w.statusShort[link.status]}${w.sep}${w.kindInline[link.kind]}`;
}

/** "Event" or "Tie". */
export function kindLabel(kind: LinkKind, lang: Lang): string {
  return wordsOf(lang).kind[kind];
}

/** When the event happened, or when the tie started ("6 Sept 2018", "since 2019", "started between 2016 and 2018"). */
export function whenWords(link: Pick<Link, 'kind' | 'date'>, lang: Lang): string {
  return link.kind === 'tie' ? wordsOf(lang).tieStart(link.date, lang) : formatDate(link.date, lang);
}

/** The status with what the sources say about a tie's end and its latest sighting. */
export function statusWords(link: Pick<Link, 'status' | 'end' | 'ongoingAsOf'>, lang: Lang, sourceTitle?: (id: string) => string | undefined): string {
  const w = wordsOf(lang);
  let out = link.end ? w.statusEnd(link.status, formatDate(link.end, lang)) : w.statusInline[link.status];
  if (link.ongoingAsOf) out += (link.end ? w.seenRunning : w.ongoing)(formatPartial(link.ongoingAsOf.date, lang), sourceTitle?.(link.ongoingAsOf.source));
  return out;
}

/**
 * A link's time in one line: kind, when, status. "Event · 6 Sept 2018 · completed";
 * "Tie · since 2019 · active, still running as of 25 Feb 2023 (Source)"; "Tie · since 2016 · ended Aug 2023".
 */
export function linkTimeWords(link: Pick<Link, 'kind' | 'date' | 'status' | 'end' | 'ongoingAsOf'>, lang: Lang, sourceTitle?: (id: string) => string | undefined): string {
  const w = wordsOf(lang);
  return [w.kind[link.kind], whenWords(link, lang), statusWords(link, lang, sourceTitle)].join(w.sep);
}

/** "confirmed by the partner side and the Chinese side"; '' when no source's side is known. */
export function sidesWords(sides: readonly SourceSide[], lang: Lang): string {
  return sides.length ? wordsOf(lang).confirmedBy(sides.map((s) => wordsOf(lang).side[s])) : '';
}

/** "stated", or "inferred: <reason>". */
export function statedWords(e: Pick<EvidenceStrength, 'inferred'>, lang: Lang): string {
  return e.inferred ? wordsOf(lang).inferred(e.inferred[dataLang(lang)]) : wordsOf(lang).stated;
}

/** "2 sources (2 independent) · confirmed by the partner side · stated". */
export function evidenceWords(e: EvidenceStrength, lang: Lang): string {
  const w = wordsOf(lang);
  return [w.sources(e.sources, e.independent), sidesWords(e.sides, lang), statedWords(e, lang)].filter(Boolean).join(w.sep);
}

/** For a table cell: "Chinese side, partner side · 2 independent · stated". */
export function evidenceShort(e: EvidenceStrength, lang: Lang): string {
  const w = wordsOf(lang);
  const joined = e.sides.map((s) => w.sideShort[s]).join(w.listSep);
  const sides = joined.charAt(0).toUpperCase() + joined.slice(1);
  return [sides, w.independentShort(e.independent), e.inferred ? w.inferredShort : w.stated].filter(Boolean).join(w.sep);
}

/** "date to the day · Place: Chinese institution at city level; partner at the country's marker". */
export function precisionWords(e: Pick<EvidenceStrength, 'datePrecision' | 'institutionPlace' | 'partnerPlace'>, lang: Lang): string {
  const w = wordsOf(lang);
  return [w.datePrecision[e.datePrecision], w.placeLine(w.place[e.institutionPlace], w.place[e.partnerPlace])].join(w.sep);
}

/** A date precision in words ("date to the month"). */
export function datePrecisionWords(p: DatePrecisionWord, lang: Lang): string {
  return wordsOf(lang).datePrecision[p];
}

/** An evidence filter option's name ("Confirmed by the partner side"). */
export function evidenceOptionLabel(o: EvidenceOption, lang: Lang): string {
  return wordsOf(lang).evidenceOption[o];
}

/** What an agreement or pairing covers, as a list of the types' names in the language. */
export function scopeList(names: readonly string[], lang: Lang): string {
  return names.join(wordsOf(lang).listSep);
}
