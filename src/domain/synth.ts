/**
 * A synthetic dataset of the real schema, for benchmarks and scale tests only: plausible Chinese
 * institutions in real cities, real partner countries, dates across 2015–2025 at mixed precision.
 * Deterministic for a seed. Every name says "synthetic" so it can never pass for real data.
 */
import type { Institution, Link, LinkType, Partner, Source } from './schema.ts';
import { LINK_TYPE_OPTIONS } from './schema-values.ts';

/** mulberry32: a tiny, fast, seedable PRNG; plenty for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string, number, number][] = [
  ['Beijing', '北京', 116.407, 39.904], ['Shanghai', '上海', 121.474, 31.23], ['Guangzhou', '广州', 113.264, 23.129],
  ['Hangzhou', '杭州', 120.155, 30.274], ['Chengdu', '成都', 104.066, 30.572], ['Xi\'an', '西安', 108.94, 34.341],
  ['Urumqi', '乌鲁木齐', 87.617, 43.826], ['Kunming', '昆明', 102.833, 24.88], ['Nanning', '南宁', 108.366, 22.817],
  ['Wuhan', '武汉', 114.305, 30.593], ['Changsha', '长沙', 112.939, 28.228], ['Harbin', '哈尔滨', 126.535, 45.802],
  ['Shenzhen', '深圳', 114.058, 22.543], ['Zhengzhou', '郑州', 113.625, 34.747], ['Jinan', '济南', 117.12, 36.651],
  ['Tianjin', '天津', 117.2, 39.084], ['Chongqing', '重庆', 106.551, 29.563], ['Lanzhou', '兰州', 103.834, 36.061],
  ['Kashgar', '喀什', 75.99, 39.47], ['Xiamen', '厦门', 118.089, 24.48],
];

const COUNTRIES = [
  'PAK', 'KAZ', 'UZB', 'KGZ', 'TJK', 'TKM', 'MNG', 'RUS', 'IDN', 'MYS', 'THA', 'VNM', 'LAO', 'KHM', 'MMR', 'PHL',
  'SGP', 'NPL', 'LKA', 'BGD', 'IRN', 'ARE', 'SAU', 'EGY', 'ETH', 'KEN', 'TZA', 'NGA', 'GHA', 'ZAF', 'MLI', 'SEN',
  'MAR', 'DZA', 'SRB', 'HUN', 'CZE', 'POL', 'GRC', 'ITA', 'FRA', 'DEU', 'GBR', 'ESP', 'BRA', 'ARG', 'CHL', 'PER',
  'MEX', 'CUB', 'USA', 'CAN', 'AUS', 'NZL', 'FJI', 'PNG', 'TON', 'VUT', 'WSM', 'ISR',
];

const TYPES: readonly LinkType[] = LINK_TYPE_OPTIONS;

export interface SynthOptions {
  links: number;
  seed: number;
  /** Institutions to spread the links over; defaults to a size that grows with the links. */
  institutions?: number;
}

export interface SynthDataset {
  sources: Source[];
  institutions: Institution[];
  partners: Partner[];
  /** Produced lazily so a million links can be streamed to disk. */
  links: () => Generator<Link>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the synthetic dataset description; `links()` yields the links in a fixed order. */
export function synthesize(opts: SynthOptions): SynthDataset {
  const nInst = opts.institutions ?? Math.min(400, Math.max(20, Math.round(Math.sqrt(opts.links) * 2)));
  const rand = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const sources: Source[] = Array.from({ length: 10 }, (_, i) => ({
    id: `synthetic-source-${i + 1}`,
    url: `https://example.org/synthetic/${i + 1}`,
    language: i % 2 ? 'zh' : 'en',
    title: { original: `Synthetic report ${i + 1}`, en: `Synthetic report ${i + 1}`, zh: `合成报告 ${i + 1}` },
    published: { precision: 'year', value: String(2016 + (i % 9)) },
    kind: 'news',
    side: i % 3 === 0 ? 'third-party' : 'chinese',
  }));

  const institutions: Institution[] = Array.from({ length: nInst }, (_, i) => {
    const [en, zh, lon, lat] = pick(CITIES);
    return {
      id: `synthetic-inst-${i + 1}`,
      kind: i % 5 === 0 ? 'university' : 'hospital',
      name: { en: `Synthetic Hospital ${i + 1} (${en})`, zh: `合成医院${i + 1}（${zh}）` },
      city: { en, zh },
      // Spread institutions in one city a little so their points do not sit on one pixel.
      coordinates: [round(lon + (rand() - 0.5) * 0.2), round(lat + (rand() - 0.5) * 0.2)],
      precision: 'city',
    };
  });

  const partners: Partner[] = [
    ...Array.from({ length: 40 }, (_, i): Partner => ({
      id: `synthetic-partner-${i + 1}`,
      kind: 'institution',
      country: COUNTRIES[i % COUNTRIES.length] as string,
      name: { en: `Synthetic partner hospital ${i + 1}`, zh: `合成合作医院${i + 1}` },
    })),
    { id: 'synthetic-group', kind: 'group', count: 12, anchor: [66, 42], name: { en: 'Synthetic group of 12 countries', zh: '合成国家组（12国）' } },
  ];
  const partnerRefs = [...COUNTRIES, ...partners.map((p) => p.id)];

  function* links(): Generator<Link> {
    const r = prng(opts.seed ^ 0x9e3779b9);
    const choose = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    // data:check flags links with the same institution, partner, type and year as probable
    // duplicates, so each synthetic link gets a combination of its own (re-drawn on a clash).
    const used = new Set<string>();
    for (let i = 0; i < opts.links; i++) {
      let year = 0, undated = false, partner = '', type: LinkType = 'training', inst = institutions[0] as Institution;
      for (let attempt = 0; attempt < 1000; attempt++) {
        year = 2015 + Math.floor(r() * 11);
        undated = r() >= 0.95;
        // Skew towards a few busy institutions and partners, as real data is.
        inst = institutions[Math.floor(r() ** 2 * institutions.length)] as Institution;
        partner = choose(partnerRefs);
        type = choose(TYPES);
        const key = `${inst.id}|${partner}|${type}|${undated ? 'u' : year}`;
        if (!used.has(key)) {
          used.add(key);
          break;
        }
      }
      const roll = r();
      // The real data's mix: mostly dated events, some ranges and "by" dates, some ties still running.
      const later = Math.min(2025, year + Math.floor(r() * 4));
      const date: Link['date'] = undated ? { precision: 'unknown' }
        : roll < 0.55 ? { precision: 'day', value: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` }
          : roll < 0.72 ? { precision: 'month', value: `${year}-${pad(1 + Math.floor(r() * 12))}` }
            : roll < 0.8 ? { precision: 'range', from: String(year), to: String(later) }
              : roll < 0.86 ? { precision: 'before', to: String(year) }
                : { precision: 'year', value: String(year) };
      const tie = !undated && r() < 0.15;
      const source = choose(sources);
      yield {
        id: `syn-${i + 1}`,
        kind: tie ? 'tie' : 'event',
        institution: inst.id,
        partner,
        date,
        ...(tie ? { ongoingAsOf: { date: later === year ? String(Math.min(2025, year + 1)) : String(later), source: source.id } } : {}),
        status: tie ? 'active' : r() < 0.02 ? 'planned' : 'completed',
        types: [type],
        summary: { en: `Synthetic link ${i + 1}`, zh: `合成连线${i + 1}` },
        evidence: [{ source: source.id, locator: `¶${1 + Math.floor(r() * 30)}` }],
      };
    }
  }

  return { sources, institutions, partners, links };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
