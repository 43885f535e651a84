import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call, messageOf, onUndoableWrite, type UndoableWrite } from '../api.ts';

// Long enough to notice a mistake and reach the button; hovering or focusing the toast keeps it.
const SHOWN_MS = 20_000;

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
  useEffect(() => onUndoableWrite((w) => { reset(); setWrite(w); }), [reset]);
  useEffect(() => {
    if (!write || held) return;
    const t = window.setTimeout(() => setWrite(null), SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [write, held]);
  if (!write) return null;
  const isUndo = write.summary.startsWith('Undid ');
  return (
    <div className="undo-toast" role="status" aria-live="polite" onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)}
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
