/**
 * i18next setup. English is bundled with the app; every other language is a separate chunk on the
 * same origin, loaded before the first render when the URL asks for it, or when the reader
 * switches: a reader of one language does not download the others' strings. Arabic and Russian
 * also bring their country names and their words for a link's time and evidence. Those chunks must
 * not import the first download's modules at run time: main.tsx awaits switchLanguage at its top
 * level, so the entry is still evaluating and such an import would never resolve.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import { formatDate, formatPartial, intlLocale, registerDateWords, type Lang } from '../domain/dates.ts';
import { registerCountryNames } from '../domain/countries.ts';
import { registerLinkWords } from '../domain/link-words.ts';

type Strings = Record<string, unknown>;

// The locator code itself is only used by the details panel and the link list (on demand), so
// its registry comes with the language too rather than sitting in the first download.
async function locatorWords(lang: 'zh' | 'ar' | 'ru'): Promise<void> {
  const [{ registerLocatorWords }, { LOCATOR_WORDS }] = await Promise.all([import('../domain/locator-words.ts'), import('../domain/locator-words-intl.ts')]);
  registerLocatorWords(lang, LOCATOR_WORDS[lang]);
}

const LOADERS: Record<Lang, () => Promise<Strings>> = {
  en: async () => en,
  zh: async () => {
    const [strings] = await Promise.all([import('./locales/zh.json'), locatorWords('zh')]);
    return strings.default;
  },
  ar: async () => {
    const [strings, countries, words] = await Promise.all([
      import('./locales/ar.json'), import('i18n-iso-countries/langs/ar.json'), import('../domain/link-words-ar.ts'), locatorWords('ar'),
    ]);
    registerCountryNames(countries.default);
    registerLinkWords('ar', words.wordsForAr({ formatDate, formatPartial }));
    registerDateWords('ar', words.DATE_WORDS_AR);
    return strings.default;
  },
  ru: async () => {
    const [strings, countries, words] = await Promise.all([
      import('./locales/ru.json'), import('i18n-iso-countries/langs/ru.json'), import('../domain/link-words-ru.ts'), locatorWords('ru'),
    ]);
    registerCountryNames(countries.default);
    registerLinkWords('ru', words.wordsForRu({ formatDate, formatPartial }));
    registerDateWords('ru', words.DATE_WORDS_RU);
    return strings.default;
  },
};

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; data is never inserted as HTML
    returnNull: false,
  });
  // `{{count, number}}` in the atlas's digits (Western in Arabic too, see intlLocale), not i18next's own `ar` ones.
  i18next.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    formatIn(lng, value));
  return i18next;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatIn(lng: string | undefined, value: unknown): string {
  const lang = (['zh', 'ar', 'ru'] as const).find((l) => lng?.startsWith(l)) ?? 'en';
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(intlLocale(lang))));
  return typeof value === 'number' ? f.format(value) : String(value);
}

/** Makes a language's strings available (fetching its chunk once), then switches to it. */
export async function switchLanguage(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await LOADERS[lang]());
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** BCP 47 tag for <html lang> and `lang=` attributes. */
export const htmlLang = (lang: Lang) => ({ en: 'en', zh: 'zh-Hans', ar: 'ar', ru: 'ru' })[lang];

/** Writing direction of the interface language. */
export const htmlDir = (lang: Lang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');
