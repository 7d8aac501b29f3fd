/**
 * i18next setup. English is bundled with the app; the other language is a separate chunk on the
 * same origin, loaded before the first render when the URL asks for it, or when the reader
 * switches: a reader of one language does not download the other's strings.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import type { Lang } from '../url/view-state.ts';

const LOADERS: Record<Lang, () => Promise<Record<string, unknown>>> = {
  en: async () => en,
  zh: async () => (await import('./locales/zh.json')).default,
};

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; data is never inserted as HTML
    returnNull: false,
  });
  return i18next;
}

/** Makes a language's strings available (fetching its chunk once), then switches to it. */
export async function switchLanguage(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await LOADERS[lang]());
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** BCP 47 tag for Intl and <html lang>. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-Hans' : 'en');
