/** i18next setup: both languages are bundled (no fetch), the URL chooses, <html lang> follows. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zh from './locales/zh.json';
import type { Lang } from '../url/view-state.ts';

export const resources = { en: { translation: en }, zh: { translation: zh } } as const;

export function initI18n(lang: Lang) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; data is never inserted as HTML
    returnNull: false,
  });
  return i18next;
}

/** BCP 47 tag for Intl and <html lang>. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-Hans' : 'en');
