import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type RefObject } from 'react';

// A few pages need no router library: the address is the state, pushState changes it, popstate follows Back.
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  window.scrollTo(0, 0);
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}

// On a phone the detail pane of a list page sits below the list: bring it into view when the user picks an item.
export function useRevealOnPhone(ref: RefObject<HTMLElement | null>, key: unknown, enabled: boolean): void {
  useEffect(() => {
    if (enabled && window.matchMedia('(max-width: 900px)').matches) ref.current?.scrollIntoView({ block: 'start' });
  }, [ref, key, enabled]);
}
