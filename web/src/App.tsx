import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { call } from './api.ts';
import { LogInteractionDialog } from './components/LogInteractionDialog.tsx';
import { NewContactDialog } from './components/NewContactDialog.tsx';
import { UndoToast } from './components/UndoToast.tsx';
import { ErrorNote, Loading } from './components/ui.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { requestSearchFocus, useShortcuts } from './shortcuts.ts';
import { Today } from './pages/Today.tsx';

// Today is where every visit starts, so it ships in the first bundle; everything else loads when first opened.
const Contacts = lazy(() => import('./pages/Contacts.tsx'));
const Contact = lazy(() => import('./pages/Contact.tsx'));
const Organisations = lazy(() => import('./pages/Organisations.tsx'));
const Goals = lazy(() => import('./pages/Goals.tsx'));
const Events = lazy(() => import('./pages/Events.tsx'));
const Communities = lazy(() => import('./pages/Communities.tsx'));
const ImportPage = lazy(() => import('./pages/Import.tsx'));
const ExportPage = lazy(() => import('./pages/Export.tsx'));
const Settings = lazy(() => import('./pages/Settings.tsx'));
const Onboarding = lazy(() => import('./pages/Onboarding.tsx'));
const Network = lazy(() => import('./pages/Network.tsx'));
const Triage = lazy(() => import('./pages/Triage.tsx'));

const NAV: [string, string][] = [
  ['/', 'Today'], ['/triage', 'Triage'], ['/network', 'Network'], ['/contacts', 'Contacts'], ['/organisations', 'Organisations'], ['/goals', 'Goals'], ['/events', 'Events'],
  ['/communities', 'Communities'], ['/import', 'Import'], ['/export', 'Export'], ['/settings', 'Settings'],
];

function pageFor(path: string): { Page: ComponentType<{ id: number }>; id: number } | null {
  const contact = path.match(/^\/contacts\/(\d+)$/);
  if (contact) return { Page: Contact, id: Number(contact[1]) };
  const simple: Record<string, ComponentType<{ id: number }>> = {
    '/': Today, '/network': Network, '/contacts': Contacts, '/organisations': Organisations, '/goals': Goals, '/events': Events,
    '/communities': Communities, '/import': ImportPage, '/triage': Triage, '/export': ExportPage, '/settings': Settings, '/welcome': Onboarding,
  };
  const Page = simple[path];
  return Page ? { Page, id: 0 } : null;
}

const contactIdIn = (path: string): number | null => {
  const m = path.match(/^\/contacts\/(\d+)$/);
  return m ? Number(m[1]) : null;
};

export function App() {
  const { path } = useLocation();
  const [newContactOpen, setNewContactOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  // The Triage badge: how many imported contacts still wait for a network (an index count, cheap at any size).
  const unsorted = useQuery({
    queryKey: ['unsorted-count'], queryFn: () => call('contact.list', { unsorted: true, limit: 1 }),
    enabled: settings.data?.onboarded === true, select: (p) => p.total,
  });

  const shortcuts = useMemo(() => ({
    '/': () => { navigate('/contacts'); requestSearchFocus(); },
    n: () => setNewContactOpen(true),
    l: () => setLogOpen(true),
  }), []);
  useShortcuts(shortcuts);

  // After moving to another page, focus its heading so a screen reader announces where the user is now.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    const t = window.setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }), 80);
    return () => window.clearTimeout(t);
  }, [path]);

  if (settings.isPending) return <div className="boot"><Loading what="Opening Rapport" /></div>;
  if (settings.isError) return <div className="boot"><ErrorNote error={settings.error} /></div>;
  const onboarding = !settings.data.onboarded || path === '/welcome';
  const match = onboarding ? { Page: Onboarding, id: 0 } : pageFor(path);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Rapport, today">Rapport</Link>
        {!onboarding && (
          <>
            <button type="button" className="menu-toggle ghost" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
            <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : ''}>
              <ul>
                {NAV.map(([href, label]) => {
                  const current = href === '/' ? path === '/' : path.startsWith(href);
                  const count = href === '/triage' ? unsorted.data ?? 0 : 0;
                  return (
                    <li key={href}>
                      <Link href={href} aria-current={current ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                        {label}{count > 0 && <span className="nav-count" aria-label={`${count} unsorted`}>{count.toLocaleString()}</span>}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="quick-actions">
              <button type="button" onClick={() => setNewContactOpen(true)} title="New contact (n)">New contact <kbd>n</kbd></button>
              <button type="button" className="primary" onClick={() => setLogOpen(true)} title="Log an interaction (l)">Log <kbd>l</kbd></button>
            </div>
          </>
        )}
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {match ? <match.Page id={match.id} /> : <NotFound />}
        </Suspense>
      </main>
      <NewContactDialog open={newContactOpen} onClose={() => setNewContactOpen(false)} />
      <LogInteractionDialog open={logOpen} onClose={() => setLogOpen(false)} contactId={contactIdIn(path)} />
      <UndoToast />
    </div>
  );
}

function NotFound() {
  return (
    <section>
      <h1 tabIndex={-1}>Nothing here</h1>
      <p>That page does not exist. <Link href="/">Back to today</Link>.</p>
    </section>
  );
}
