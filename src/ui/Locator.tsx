/** Where in a source a link is stated, in the reader's language; the data's English notes marked lang="en". */
import { locatorParts } from '../domain/locator-words.ts';
import type { Lang } from '../domain/dates.ts';

export function Locator({ locator, lang }: { locator: string; lang: Lang }) {
  return <>{locatorParts(locator, lang).map((p, i) => (p.lang ? <span key={i} lang={p.lang}>{p.text}</span> : p.text))}</>;
}
