import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { call, messageOf, onUndoableWrite, type UndoableWrite } from '../api.ts';

// Long enough to notice a mistake and reach the button; hovering or focusing the toast keeps it.
const SHOWN_MS = 20_000;

// While the toast shows, the page keeps room for it at the bottom (--toast-space: body padding and the scroll
// padding that scrollIntoView honours), and a control marked data-clear-of-toast that it would cover is scrolled
// up above it: on a phone the next Triage row's buttons sit where the user just tapped.
function useClearOfToast(toast: RefObject<HTMLDivElement | null>, shown: unknown): void {
  useLayoutEffect(() => {
    const el = toast.current;
    if (!el) return;
    const root = document.documentElement;
    const place = (): void => {
      const box = el.getBoundingClientRect();
      root.style.setProperty('--toast-space', `${Math.ceil(window.innerHeight - box.top) + 8}px`);
      for (const keep of document.querySelectorAll<HTMLElement>('[data-clear-of-toast]')) {
        const r = keep.getBoundingClientRect();
        const covered = r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
        if (covered) keep.scrollIntoView({ block: 'nearest' });
      }
    };
    place();
    const seen = new ResizeObserver(place);
    seen.observe(el);
    return () => { seen.disconnect(); root.style.removeProperty('--toast-space'); };
  }, [toast, shown]);
}

// "Logged a call with Isaac Svensson — Undo", after every write. Undoing shows its own toast, whose button redoes.
export function UndoToast() {
  const qc = useQueryClient();
  const [write, setWrite] = useState<UndoableWrite | null>(null);
  const [held, setHeld] = useState(false);
  const undo = useMutation({
    mutationFn: (id: number) => call('history.undo', { id }),
    onSettled: async () => { await qc.invalidateQueries(); },
  });
  const { reset } = undo;
  const ref = useRef<HTMLDivElement>(null);
  useClearOfToast(ref, write);
  useEffect(() => onUndoableWrite((w) => { reset(); setWrite(w); }), [reset]);
  useEffect(() => {
    if (!write || held) return;
    const t = window.setTimeout(() => setWrite(null), SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [write, held]);
  if (!write) return null;
  const isUndo = write.summary.startsWith('Undid ');
  return (
    <div ref={ref} className="undo-toast" role="status" aria-live="polite" onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <span className="undo-toast-text">{undo.isError ? messageOf(undo.error) : write.summary}</span>
      {!undo.isError && (
        <button type="button" className="undo-toast-action" disabled={undo.isPending} onClick={() => undo.mutate(write.id)}>
          {isUndo ? 'Redo' : 'Undo'}
        </button>
      )}
      <button type="button" className="ghost" aria-label="Dismiss" onClick={() => setWrite(null)}>✕</button>
    </div>
  );
}
