// Translation lookup. Components take every visible string from here (no literals in JSX).
import { useCallback } from 'react';
import { useUi, type Lang } from '../../state/ui.ts';
import type { LocalizedText } from '../../domain/schemas/index.ts';
import { zh } from './zh.ts';
import { en } from './en.ts';

export type MessageKey = keyof typeof zh;
export type Params = Readonly<Record<string, string | number>>;

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useUi((s) => s.lang);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}

/** Picks the config-supplied name in the current language. */
export function useLocalized(): (text: LocalizedText) => string {
  const lang = useUi((s) => s.lang);
  return useCallback((text: LocalizedText) => text[lang], [lang]);
}
