/**
 * English and Spanish for the patient pages. Each page keeps its own dictionary, typed so that Spanish must
 * have every key English has (a missing translation is a type error, and test/web checks the values too).
 */
import { useSyncExternalStore } from 'react';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

const KEY = 'facetpath.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  const url = new URLSearchParams(window.location.search).get('lang');
  if (url === 'en' || url === 'es') return url;
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

let current: Lang | undefined;

export function getLang(): Lang {
  if (!current) {
    current = initial();
    document.documentElement.lang = current;
  }
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

export function useLang(): Lang {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, getLang);
}

/** A dictionary: English is the reference; Spanish must have the same keys. */
export type Dict<T extends Record<string, string>> = { en: T; es: { [K in keyof T]: string } };

export function defineDict<T extends Record<string, string>>(d: Dict<T>): Dict<T> {
  return d;
}

/** The strings of a dictionary in the current language (re-renders when the language changes). */
export function useT<T extends Record<string, string>>(d: Dict<T>): { [K in keyof T]: string } {
  return d[useLang()];
}

/** Fills "{name}" placeholders. */
export function fill(s: string, values: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
