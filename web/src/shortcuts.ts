import { useEffect } from 'react';

// Single-key shortcuts (`/`, `n`, `l`) must never fire while the user is typing or using a modifier.
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog[open]') !== null;
}

export function useShortcuts(map: Record<string, () => void>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target)) return;
      const action = map[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map]);
}

// `/` from anywhere lands in the contacts search box. The page may still be loading, so the wish is kept until
// the box exists (consumeSearchFocus) as well as announced to a page already showing (FOCUS_SEARCH).
export const FOCUS_SEARCH = 'rapport:focus-search';
let pendingFocus = false;
export const requestSearchFocus = (): void => {
  pendingFocus = true;
  window.setTimeout(() => window.dispatchEvent(new Event(FOCUS_SEARCH)), 0);
};
export const consumeSearchFocus = (): boolean => {
  const was = pendingFocus;
  pendingFocus = false;
  return was;
};
