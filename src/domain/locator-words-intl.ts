/**
 * The words of locators (locator-words.ts) in Chinese, Arabic and Russian: loaded with those
 * languages' strings, not in the first download. Longer phrases first; `$1`, `$2` are paragraph
 * numbers. Each rule also applies inside brackets.
 */
import type { LocatorWords } from './locator-words.ts';

const N = String.raw`(\d+)`;
const RANGE = String.raw`(\d+)\s*[–-]\s*¶?\s*(\d+)`;

export const LOCATOR_WORDS: Record<'zh' | 'ar' | 'ru', LocatorWords> = {
  zh: {
    open: '（', close: '）',
    rules: [
      [/,? ?(?:—|;)? ?counted from the first line,? (?:of the stored (?:text|copy),? )?(?:which has )?no headline(?: in the copy)?/g, '——无标题，从第一行起算'],
      [/;? ?counted from the sub-headline, as the page prints no headline/g, '；页面无标题，从副标题起算'],
      [/the copy has no headline, so ¶(\d+) is the lead paragraph/g, '转载页无标题，故第$1段为导语段'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the headline/g, '——从标题起算'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the first line(?: of the stored (?:text|copy))?/g, '——从第一行起算'],
      [/no headline in the copy/g, '转载页无标题'],
      [/,? ?— counting the headline as ¶(\d+)/g, '——标题计为第$1段'],
      [/the stored copy has no headline|\bno headline\b/g, '无标题'],
      [new RegExp(`¶${RANGE} of the (?:stored|article) text`, 'g'), '存档正文第$1–$2段'],
      [new RegExp(`¶${N} of the (?:stored|article) text`, 'g'), '存档正文第$1段'],
      [new RegExp(`¶${RANGE}`, 'g'), '第$1–$2段'],
      [new RegExp(`¶${N}`, 'g'), '第$1段'],
      [/\bdateline\b/g, '电头'], [/\bfirst text paragraph\b/g, '正文第一段'], [/\blast two paragraphs\b/g, '最后两段'],
      [/\blast paragraph\b/g, '最后一段'], [/\bopening paragraph\b/g, '首段'], [/\bsame paragraphs\b/g, '同上各段'],
      [/\bheadline\b/g, '标题'], [/\bphoto caption\b/g, '图片说明'],
      [/ and /g, '和'], [/, /g, '，'], [/; /g, '；'], [/: /g, '：'],
    ],
  },
  ar: {
    open: ' (', close: ')',
    rules: [
      [/,? ?(?:—|;)? ?counted from the first line,? (?:of the stored (?:text|copy),? )?(?:which has )?no headline(?: in the copy)?/g, ' — بلا عنوان، بالعدّ من السطر الأول'],
      [/;? ?counted from the sub-headline, as the page prints no headline/g, '؛ الصفحة بلا عنوان، بالعدّ من العنوان الفرعي'],
      [/the copy has no headline, so ¶(\d+) is the lead paragraph/g, 'النسخة بلا عنوان، فالفقرة $1 هي الفقرة الافتتاحية'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the headline/g, ' — بالعدّ من العنوان'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the first line(?: of the stored (?:text|copy))?/g, ' — بالعدّ من السطر الأول'],
      [/no headline in the copy/g, 'النسخة بلا عنوان'],
      [/,? ?— counting the headline as ¶(\d+)/g, ' — مع عدّ العنوان الفقرة $1'],
      [/the stored copy has no headline|\bno headline\b/g, 'بلا عنوان'],
      [new RegExp(`¶${RANGE} of the (?:stored|article) text`, 'g'), 'الفقرات $1–$2 من النص المحفوظ'],
      [new RegExp(`¶${N} of the (?:stored|article) text`, 'g'), 'الفقرة $1 من النص المحفوظ'],
      [new RegExp(`¶${RANGE}`, 'g'), 'الفقرات $1–$2'],
      [new RegExp(`¶${N}`, 'g'), 'الفقرة $1'],
      [/\bdateline\b/g, 'سطر التاريخ'], [/\bfirst text paragraph\b/g, 'أول فقرة في النص'], [/\blast two paragraphs\b/g, 'آخر فقرتين'],
      [/\blast paragraph\b/g, 'الفقرة الأخيرة'], [/\bopening paragraph\b/g, 'الفقرة الافتتاحية'], [/\bsame paragraphs\b/g, 'الفقرات نفسها'],
      [/\bheadline\b/g, 'العنوان'], [/\bphoto caption\b/g, 'تعليق الصورة'],
      [/ and /g, ' و'], [/, /g, '، '], [/; /g, '؛ '],
    ],
  },
  ru: {
    open: ' (', close: ')',
    rules: [
      [/,? ?(?:—|;)? ?counted from the first line,? (?:of the stored (?:text|copy),? )?(?:which has )?no headline(?: in the copy)?/g, ' — заголовка нет, счёт от первой строки'],
      [/;? ?counted from the sub-headline, as the page prints no headline/g, '; заголовка на странице нет, счёт от подзаголовка'],
      [/the copy has no headline, so ¶(\d+) is the lead paragraph/g, 'в копии нет заголовка, поэтому абз. $1 — вводный'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the headline/g, ' — счёт от заголовка'],
      [/,? ?(?:—|;)? ?count(?:ed|ing) from the first line(?: of the stored (?:text|copy))?/g, ' — счёт от первой строки'],
      [/no headline in the copy/g, 'в копии нет заголовка'],
      [/,? ?— counting the headline as ¶(\d+)/g, ' — заголовок считается абз. $1'],
      [/the stored copy has no headline|\bno headline\b/g, 'без заголовка'],
      [new RegExp(`¶${RANGE} of the (?:stored|article) text`, 'g'), 'абз. $1–$2 сохранённого текста'],
      [new RegExp(`¶${N} of the (?:stored|article) text`, 'g'), 'абз. $1 сохранённого текста'],
      [new RegExp(`¶${RANGE}`, 'g'), 'абз. $1–$2'],
      [new RegExp(`¶${N}`, 'g'), 'абз. $1'],
      [/\bdateline\b/g, 'строка с датой'], [/\bfirst text paragraph\b/g, 'первый абзац текста'], [/\blast two paragraphs\b/g, 'два последних абзаца'],
      [/\blast paragraph\b/g, 'последний абзац'], [/\bopening paragraph\b/g, 'первый абзац'], [/\bsame paragraphs\b/g, 'те же абзацы'],
      [/\bheadline\b/g, 'заголовок'], [/\bphoto caption\b/g, 'подпись к фото'],
      [/ and /g, ' и '],
    ],
  },
};

