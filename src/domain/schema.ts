/**
 * The dataset's schema: the one place the shape of `data/*.json` is defined.
 * TypeScript types are inferred from it; the app's loader and `data:check` both parse with it.
 * Cross-record rules (references, duplicates, timeline bounds) live in `validate.ts`.
 */
import { z } from 'zod';
import {
  DATA_FILE_NAMES, INSTITUTION_KIND_OPTIONS, LINK_KIND_OPTIONS, LINK_STATUS_OPTIONS, LINK_TYPE_OPTIONS,
  PLACE_PRECISION_OPTIONS, SOURCE_SIDE_OPTIONS,
} from './schema-values.ts';

// Kept here too for the code that validates; the first view imports it from schema-values.ts.
export { isCountryRef } from './schema-values.ts';

// No compiled parsers: zod would otherwise probe `new Function` once, which the page's
// Content-Security-Policy refuses and reports as a violation in the console (and Lighthouse
// counts against best practices). Parsing works the same, interpreted.
z.config({ jitless: true });

const text = z.string().trim().min(1, 'must not be empty');

/** A name or sentence in both of the atlas's languages. */
export const Bilingual = z.strictObject({ en: text, zh: text });

/** Record ids: lowercase words joined by hyphens, so they read well in URLs and CSV. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

/** An ISO 3166-1 alpha-3 shape; whether the code exists is checked against the ISO list in validate.ts. */
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters (ISO 3166-1 alpha-3)');

/** [longitude, latitude] in degrees, GeoJSON order. */
export const LonLat = z.tuple([
  z.number().min(-180, 'longitude must be within -180..180').max(180, 'longitude must be within -180..180'),
  z.number().min(-90, 'latitude must be within -90..90').max(90, 'latitude must be within -90..90'),
]);

/** How exact a point is: the building, the city it is in, or a province/state. */
export const PlacePrecision = z.enum(PLACE_PRECISION_OPTIONS);

const ymd = /^\d{4}-\d{2}-\d{2}$/;
const ym = /^\d{4}-\d{2}$/;
const y = /^\d{4}$/;
/** A calendar date at day, month or year precision: 2018-09-06, 2024-01 or 2020. */
export const PartialDate = z
  .string()
  .refine((s) => ymd.test(s) || ym.test(s) || y.test(s), 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

function isRealDate(s: string): boolean {
  const [yy, mm = 1, dd = 1] = s.split('-').map(Number);
  if (yy === undefined || mm < 1 || mm > 12) return false;
  const d = new Date(Date.UTC(yy, mm - 1, dd));
  return d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd;
}

const note = Bilingual.optional();

/**
 * Where a date's year comes from when the sentence about the event does not give it:
 * the page's publication date ("recently", "this January"), the page's address, or the
 * document's context (e.g. it was issued by a body under a name it bore only until a known
 * date; `note` must then state that basis). Absent means the text about the event states it.
 */
const basis = z.enum(['text', 'publication-date', 'page-address', 'document-context']).optional();

/**
 * When something happened, at the precision the source states and no finer.
 * `range`: happened at some point between `from` and `to` ("since its launch in 2016", before Sept 2018).
 * `before`: known only to have happened by `to` ("had already …").
 */
export const DateSpec = z.discriminatedUnion('precision', [
  z.strictObject({ precision: z.literal('day'), value: PartialDate.refine((s) => ymd.test(s), 'day precision needs YYYY-MM-DD'), basis, note }),
  z.strictObject({ precision: z.literal('month'), value: PartialDate.refine((s) => ym.test(s), 'month precision needs YYYY-MM'), basis, note }),
  z.strictObject({ precision: z.literal('year'), value: PartialDate.refine((s) => y.test(s), 'year precision needs YYYY'), basis, note }),
  z.strictObject({ precision: z.literal('range'), from: PartialDate, to: PartialDate, basis, note }),
  z.strictObject({ precision: z.literal('before'), to: PartialDate, basis, note }),
  z.strictObject({ precision: z.literal('unknown'), note }),
]);

/**
 * BCP 47 language tag of a document, e.g. `en`, `zh`, `pt-BR`. Whether the language exists is an
 * authoring check (languages.ts, in data:check): it depends on the ICU data of the runtime, and
 * a browser with older data must not refuse to load the atlas over it.
 */
export const LanguageTag = z.string().refine((s) => {
  try {
    return Intl.getCanonicalLocales(s).length === 1 && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s);
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as en, zh or pt-BR');

export const SourceSide = z.enum(SOURCE_SIDE_OPTIONS);

/** One source document. */
export const Source = z.strictObject({
  id: Id,
  /** The seed's file name in shared/seeds, for the five seed documents. */
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a seed file name').optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  language: LanguageTag,
  title: z.strictObject({ original: text, en: text, zh: text }),
  /** Who published it, when the document says so; absent means not stated. */
  publisher: Bilingual.optional(),
  published: DateSpec,
  /**
   * `original`: the institution's or a government's own site; `news`: a news organisation;
   * `copy`: a republication on an unrelated site, with the original not found.
   */
  kind: z.enum(['original', 'news', 'copy']),
  /** Anything a reader should know about provenance (a copy, an unsigned translation …). */
  note,
  /**
   * Whose voice the document is: `chinese` (a Chinese institution, government or state medium,
   * including their foreign-language sites), `partner` (an institution, government or medium of
   * the partner side: `country` says which country, or `partner` which partner record it speaks
   * for, e.g. an organisation's own site), or `third-party` (anyone else). A partner-side source
   * confirms only links with that country or partner; for any other link it is a third party.
   */
  side: SourceSide,
  country: Iso3.optional(),
  partner: Id.optional(),
  /** The id of another source in the dataset this document republishes: the two are not independent. */
  copyOf: Id.optional(),
});

export const InstitutionKind = z.enum(INSTITUTION_KIND_OPTIONS);

/** A Chinese institution (or, for domestic links, a place in China). */
export const Institution = z.strictObject({
  id: Id,
  name: Bilingual,
  kind: InstitutionKind,
  city: Bilingual,
  coordinates: LonLat,
  precision: PlacePrecision,
  /** A campus or branch belongs to its parent institution. */
  parent: Id.optional(),
  note,
});

const partnerBase = { id: Id, name: Bilingual, note };

/** A named foreign institution. Without coordinates it is drawn at its country's marker. */
export const PartnerInstitution = z.strictObject({
  ...partnerBase,
  kind: z.literal('institution'),
  /** The name as the report prints it, in its own language, when that is neither English nor Chinese. */
  originalName: z.strictObject({ text, language: LanguageTag }).optional(),
  country: Iso3,
  city: Bilingual.optional(),
  coordinates: LonLat.optional(),
  precision: PlacePrecision.optional(),
});

/** An international organisation or multilateral mechanism (WHO, ASEAN, SCO …). */
export const PartnerOrganization = z.strictObject({
  ...partnerBase,
  kind: z.literal('organization'),
  /** Where its seat is, if it has one; otherwise it is listed beside the map, not drawn on it. */
  coordinates: LonLat.optional(),
});

/**
 * Countries a source counts or describes but does not name. Never split into guessed countries.
 * `anchor` is a schematic point for the region the source names; absent for worldwide groups.
 */
export const PartnerGroup = z.strictObject({
  ...partnerBase,
  kind: z.literal('group'),
  count: z.number().int().positive().optional(),
  anchor: LonLat.optional(),
});

export const Partner = z.discriminatedUnion('kind', [PartnerInstitution, PartnerOrganization, PartnerGroup]);

export const LinkType = z.enum(LINK_TYPE_OPTIONS);

export const Participants = z.strictObject({
  value: z.number().int().nonnegative(),
  qualifier: z.enum(['exact', 'more-than', 'about']),
  unit: Bilingual,
  /** `event`/`programme`: the figure covers the whole event or programme and is shared, never split, across its links. */
  scope: z.enum(['link', 'event', 'programme']),
});

export const Evidence = z.strictObject({
  source: Id,
  /** Where in the source: `¶N` is the N-th non-empty line of the document, then a hint. */
  locator: text,
});

/**
 * What the sources say about the link's state, and nothing more:
 * `planned` announced or intended; `agreed` signed, not yet known to have started;
 * `active` running (a tie); `completed` done (an event, or a tie that ran its course);
 * `ended` a tie the sources say has stopped; `unknown` the sources do not say.
 */
export const LinkStatus = z.enum(LINK_STATUS_OPTIONS);

/**
 * An *event* happened once (a training, a visit, a signing, an operation, a donation): `date` is
 * when. A *tie* lasts (a pairing, a centre, an alliance membership, a standing programme): `date`
 * is when it started, `end` when it ended, `ongoingAsOf` the date of the latest source that says it
 * was still running.
 */
export const LinkKind = z.enum(LINK_KIND_OPTIONS);

/**
 * A link's programme: the id of a record in `programmes.json`, or, in a dataset written before
 * programmes had records (a `data=` folder, an imported CSV), its bilingual name, from which the
 * id is derived (programmes.ts) and a record made when the dataset is validated.
 */
export const ProgrammeRef = z.union([Id, Bilingual]);

/** One cooperation event or tie between one Chinese institution and one partner, as written in links.json. */
export const LinkRecord = z.strictObject({
  id: Id,
  kind: LinkKind,
  /** Links that are parts of one event (a signing with three countries) share this key. */
  event: Id.optional(),
  institution: Id,
  /** Other Chinese institutions the source names as taking part. */
  with: z.array(Id).optional(),
  /** A country code (`PAK`), a partner id, or a Chinese institution id for a domestic link. */
  partner: z.string().min(1, 'must not be empty'),
  date: DateSpec,
  /** Ties only: when the tie ended, at the precision the source states. */
  end: DateSpec.optional(),
  /** Ties only: the latest source (one of `evidence`) saying the tie was still running, and its date. */
  ongoingAsOf: z.strictObject({ date: PartialDate, source: Id }).optional(),
  status: LinkStatus,
  /** What took place (activities). What an agreement or pairing only covers or plans goes in `scope`. */
  types: z.array(LinkType).min(1, 'needs at least one type'),
  /** What an agreement, memorandum or pairing covers, apart from what was done; never counted as activities. */
  scope: z.array(LinkType).min(1, 'leave scope out rather than empty').optional(),
  /**
   * Present when no source states this tie between these two parties and it is inferred from
   * framing (e.g. the page names only "a Chinese hospital", or "jointly built by China and
   * Uzbekistan"): the reason, in words. Absent: a source states it.
   */
  inferred: Bilingual.optional(),
  mode: z.enum(['online', 'offline', 'hybrid']).optional(),
  participants: Participants.optional(),
  programme: ProgrammeRef.optional(),
  /** A medical team's batch number (第N批) as its page gives it, e.g. 24 for Ningxia's 24th team to Benin. */
  batch: z.number().int().positive().optional(),
  summary: Bilingual,
  evidence: z.array(Evidence).min(1, 'every link needs a source and a locator'),
  /** Why a date outside 2015–2025 belongs in the atlas anyway. */
  outsideTimelineReason: note,
  /** Links that look alike (same institution, partner, type and year) but are different events. */
  distinctFrom: z.array(Id).optional(),
});

/**
 * A figure an official or official-sounding source gives for a whole programme, set beside what
 * the atlas maps. `measure` says what the atlas counts to compare, among the programme's links
 * that are more than planned: distinct Chinese `institutions`, distinct named partner institutions
 * (`partner-institutions`, e.g. the African hospitals of a pairing scheme), distinct partner
 * `countries`, or distinct `ties` (a Chinese institution with a partner country, e.g. one centre).
 */
export const OfficialFigure = z.strictObject({
  value: z.number().int().positive(),
  measure: z.enum(['institutions', 'partner-institutions', 'countries', 'ties']),
  /** What the source reports, in our own words ("46 Chinese hospitals paired with hospitals in 41 African countries"). */
  text: Bilingual,
  /** The date the figure stands for (or, when the source gives none, the source's date; say so in `note`). */
  asOf: PartialDate,
  source: Id,
  locator: text,
  note,
});

/** A programme several links belong to (a pairing scheme, a medical-team programme, a training course). */
export const Programme = z.strictObject({
  id: Id,
  name: Bilingual,
  /** What it is, in a sentence or two. */
  summary: Bilingual.optional(),
  /** Ids it was known by before (a shared `prog=` link with one of them still finds it). */
  formerIds: z.array(Id).optional(),
  /** Figures for the whole programme from its official reports; where reports disagree, each is listed. */
  official: z.array(OfficialFigure).optional(),
});

export const SourcesFile = z.array(Source);
export const InstitutionsFile = z.array(Institution);
export const PartnersFile = z.array(Partner);
export const LinksFile = z.array(LinkRecord);
export const ProgrammesFile = z.array(Programme);

export type Bilingual = z.infer<typeof Bilingual>;
export type LonLat = z.infer<typeof LonLat>;
export type DateSpec = z.infer<typeof DateSpec>;
export type Source = z.infer<typeof Source>;
export type Institution = z.infer<typeof Institution>;
export type InstitutionKind = z.infer<typeof InstitutionKind>;
export type Partner = z.infer<typeof Partner>;
export type PartnerInstitution = z.infer<typeof PartnerInstitution>;
export type PartnerGroup = z.infer<typeof PartnerGroup>;
export type PartnerOrganization = z.infer<typeof PartnerOrganization>;
export type LinkType = z.infer<typeof LinkType>;
export type Participants = z.infer<typeof Participants>;
export type LinkRecord = z.infer<typeof LinkRecord>;
/** A link once its dataset is validated: `programme` is always a programme id of the dataset. */
export type Link = Omit<LinkRecord, 'programme'> & { programme?: string };
export type Programme = z.infer<typeof Programme>;
export type OfficialFigure = z.infer<typeof OfficialFigure>;
export type LinkStatus = z.infer<typeof LinkStatus>;
export type LinkKind = z.infer<typeof LinkKind>;
export type SourceSide = z.infer<typeof SourceSide>;

/** The four files of `data/`, as read from disk or fetched, before any checks. */
export interface RawDataset {
  sources: unknown;
  institutions: unknown;
  partners: unknown;
  links: unknown;
  /** programmes.json, which a dataset may lack (its links then name their programmes in full). */
  programmes?: unknown;
}

/** The parsed dataset: every record has passed the schema. */
export interface Dataset {
  sources: Source[];
  institutions: Institution[];
  partners: Partner[];
  links: Link[];
  /** Every programme a link names, and any others the file lists. */
  programmes: Programme[];
}

/** Each data file: its name and the schema of one of its records. */
export const DATA_FILES = {
  sources: { file: DATA_FILE_NAMES.sources, record: Source },
  institutions: { file: DATA_FILE_NAMES.institutions, record: Institution },
  partners: { file: DATA_FILE_NAMES.partners, record: Partner },
  links: { file: DATA_FILE_NAMES.links, record: LinkRecord },
} as const;
