/**
 * Dates, numbers and percentages written the way each language reads them:
 * Vietnamese "30/09/2025", "1.234,5", "85,5%"; English "30 Sep 2025", "1,234.5", "85.5%".
 * Every function takes the language explicitly or uses the active one; in
 * components use `useFormatters()`, which re-renders on a language switch.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage } from './i18n';
import type { Language } from './i18n';

const NUMBER_LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATE_FORMATS: Record<Language, string> = { vi: 'DD/MM/YYYY', en: 'D MMM YYYY' };
const DATE_TIME_FORMATS: Record<Language, string> = { vi: 'HH:mm DD/MM/YYYY', en: 'D MMM YYYY, HH:mm' };

/** A date or timestamp as the API sends it ("2025-09-30", ISO 8601), a Date, a dayjs, or nothing. */
export type DateInput = string | number | Date | dayjs.Dayjs | null | undefined;

const EMPTY = '–';

function toDayjs(value: DateInput): dayjs.Dayjs | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : undefined;
}

/** "30/09/2025" (vi) / "30 Sep 2025" (en); a dash for no date. API dates ("YYYY-MM-DD") are calendar days: no time-zone shift. */
export function formatDate(value: DateInput, language: Language = currentLanguage()): string {
  const date = toDayjs(value);
  return date ? date.locale(language).format(DATE_FORMATS[language]) : EMPTY;
}

/** "14:05 30/09/2025" (vi) / "30 Sep 2025, 14:05" (en), in the browser's time zone. */
export function formatDateTime(value: DateInput, language: Language = currentLanguage()): string {
  const date = toDayjs(value);
  return date ? date.locale(language).format(DATE_TIME_FORMATS[language]) : EMPTY;
}

export interface NumberFormatOptions {
  /** Digits after the decimal separator, at most (default 2). */
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

/** "1.234,5" (vi) / "1,234.5" (en); a dash for no number. Accepts the API's decimal strings. */
export function formatNumber(
  value: number | string | null | undefined,
  options: NumberFormatOptions = {},
  language: Language = currentLanguage(),
): string {
  const number = typeof value === 'string' ? Number(value) : value;
  if (number === null || number === undefined || !Number.isFinite(number)) return EMPTY;
  return new Intl.NumberFormat(NUMBER_LOCALES[language], {
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
  }).format(number);
}

/** A ratio 0..1 (as the API gives rates and progress) as "85,5%" (vi) / "85.5%" (en). */
export function formatPercent(
  ratio: number | string | null | undefined,
  { maximumFractionDigits = 1 }: { maximumFractionDigits?: number } = {},
  language: Language = currentLanguage(),
): string {
  const number = typeof ratio === 'string' ? Number(ratio) : ratio;
  if (number === null || number === undefined || !Number.isFinite(number)) return EMPTY;
  return new Intl.NumberFormat(NUMBER_LOCALES[language], {
    style: 'percent',
    maximumFractionDigits,
  }).format(number);
}

/** The formatters bound to the active language; the component re-renders when it changes. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();
  return {
    language,
    date: (value: DateInput) => formatDate(value, language),
    dateTime: (value: DateInput) => formatDateTime(value, language),
    number: (value: number | string | null | undefined, options?: NumberFormatOptions) =>
      formatNumber(value, options, language),
    percent: (ratio: number | string | null | undefined, options?: { maximumFractionDigits?: number }) =>
      formatPercent(ratio, options, language),
  };
}
