// The planner's keyboard shortcuts beyond map navigation (engine/viewer/keyboard.ts owns those):
// one table drives both the key handling and the help overlay, so the help cannot go stale.
import { useEffect } from 'react';
import type { MessageKey } from '../../i18n/index.ts';

export type PlannerAction = 'help' | 'search' | 'export' | 'viewpoint' | 'underground' | 'review' | 'panels' | 'close';

export interface Shortcut {
  /** KeyboardEvent.key as typed (letters lower-case). */
  readonly keys: readonly string[];
  /** How the key is written in the help. */
  readonly label: string;
  readonly action: PlannerAction;
  readonly help: MessageKey;
}

export const PLANNER_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], label: '?', action: 'help', help: 'keys.help' },
  { keys: ['/'], label: '/', action: 'search', help: 'keys.search' },
  { keys: ['p'], label: 'P', action: 'export', help: 'keys.export' },
  { keys: ['v'], label: 'V', action: 'viewpoint', help: 'keys.viewpoint' },
  { keys: ['u'], label: 'U', action: 'underground', help: 'keys.underground' },
  { keys: ['m'], label: 'M', action: 'review', help: 'keys.review' },
  { keys: ['`'], label: '`', action: 'panels', help: 'keys.panels' },
  { keys: ['Escape'], label: 'Esc', action: 'close', help: 'keys.close' },
];

/** Map navigation keys, as listed by the navigation help (engine/viewer/keyboard.ts). */
export const NAVIGATION_HELP: readonly MessageKey[] = ['nav.keysPan', 'nav.keysZoom', 'nav.keysRotate', 'nav.keysTilt', 'nav.keysNorth'];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typing: boolean): PlannerAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  // While typing only Escape acts (it leaves the field's dialog); letters belong to the field.
  if (typing && e.key !== 'Escape') return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return PLANNER_SHORTCUTS.find((s) => s.keys.includes(key))?.action;
}

export function usePlannerShortcuts(run: (action: PlannerAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = shortcutFor(e, isTyping(e.target));
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
