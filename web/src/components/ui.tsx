import { useEffect, useRef, type ReactNode } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { ApiError } from '../api.ts';
import { NETWORK_LABELS } from '../labels.ts';

// A failed request, said plainly, with each bad field the server named.
export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? (error.problem.problems ?? []) : [];
  const message = error instanceof ApiError ? error.problem.detail : error instanceof Error ? error.message : String(error);
  return (
    <div className="error-note" role="alert">
      <p>{problems.length > 0 ? (title ?? 'Please check:') : message}</p>
      {problems.length > 0 && (
        <ul>{problems.map((p) => <li key={`${p.path}:${p.message}`}><code>{p.path}</code>: {p.message}</li>)}</ul>
      )}
    </div>
  );
}

export function NetworkBadges({ networks }: { networks: readonly Network[] }) {
  if (networks.length === 0) return <span className="badge badge-none">no network yet</span>;
  return (
    <span className="badges">
      {networks.map((n) => <span key={n} className={`badge badge-${n}`}>{NETWORK_LABELS[n]}</span>)}
    </span>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p className="muted" role="status">{what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

// A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus returns afterwards.
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="dialog-title">{title}</h2>
            <button type="button" className="ghost" onClick={onClose} aria-label="Close">✕</button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
