import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { describeMessageMode, type MessageMode } from '../../../src/domain/message-mode.ts';
import { isBlocking, lintDraft } from '../../../src/services/drafts-lint.ts';
import { call } from '../api.ts';
import { ComposerFindings } from './ComposerFindings.tsx';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { Dialog, ErrorNote, Loading } from './ui.tsx';
import './Composer.css';

// Who to write to, and (from Today) which template and event the occasion suggests.
// `values` fill a template's own fields, e.g. the occasion of a birthday draft.
export interface ComposerTarget { contactId: number; template?: string; eventId?: number | null; values?: Record<string, string> }

type Via = 'clipboard' | 'mailto' | 'eml';
// What the draft is composed from; the text is then the user's to edit.
interface ComposeRequest { template?: string; eventId?: number; goalId?: number; introduceContactId?: number; values?: Record<string, string> }
const NUDGE_DAYS: Record<string, number | null | undefined> = { suggested: undefined, '7': 7, '14': 14, none: null };

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'message/rfc822' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

// On a phone the form is one column: the mistake check goes straight under the message box, in sight while
// writing, instead of below the whole form.
const NARROW = '(max-width: 900px)';
function useNarrow(): boolean {
  return useSyncExternalStore((changed) => {
    const query = window.matchMedia(NARROW);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, () => window.matchMedia(NARROW).matches);
}

// Writing on a phone: if the check under the box is out of sight, the box moves up (its label still showing) so
// both are on screen.
function bringFindingsIntoSight(box: HTMLTextAreaElement): void {
  const check = box.form?.querySelector('.composer-findings');
  const scroller = box.closest('dialog') ?? document.documentElement;
  if (!check) return;
  const bottom = Math.min(window.innerHeight, scroller.getBoundingClientRect().bottom);
  if (check.getBoundingClientRect().top + 80 > bottom) box.scrollIntoView({ block: 'start' });
}

function ComposerBody({ target, onClose }: { target: ComposerTarget; onClose: () => void }) {
  const qc = useQueryClient();
  const narrow = useNarrow();
  const { contactId } = target;
  const contact = useQuery({ queryKey: ['contact', contactId], queryFn: () => call('contact.get', { id: contactId }) });
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => call('template.list', {}), staleTime: 60_000 });
  const goals = useQuery({ queryKey: ['goals', 'open'], queryFn: () => call('goal.list', { status: 'open' }) });
  // Without a template from the caller, the server picks the one the occasion suggests (an open follow-up, or a
  // first message for someone never spoken to).
  const [request, setRequest] = useState<ComposeRequest>(target.template ? { template: target.template, ...(target.eventId ? { eventId: target.eventId } : {}), ...(target.values ? { values: target.values } : {}) } : {});
  // The user's choice of checks; null means what the record says.
  const [modeChoice, setModeChoice] = useState<MessageMode | null>(null);
  const [pending, setPending] = useState<Record<string, string>>({});
  const [other, setOther] = useState<PickedContact[]>([]);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<'email' | 'message'>('email');
  const [nudge, setNudge] = useState('suggested');
  const [copyFailed, setCopyFailed] = useState<string | null>(null);

  const draft = useQuery({
    queryKey: ['draft', contactId, request],
    queryFn: () => call('draft.compose', { contactId, ...request }),
    staleTime: Infinity,
  });
  useEffect(() => {
    if (!draft.data) return;
    setSubject(draft.data.subject);
    setText(draft.data.text);
  }, [draft.data]);

  const mode: MessageMode | null = modeChoice ?? draft.data?.mode ?? null;
  const findings = useMemo(
    () => (draft.data && mode ? lintDraft(subject, text, { firstMessage: mode === 'first', recipientName: contact.data?.name ?? null }) : []),
    [subject, text, draft.data, mode, contact.data?.name],
  );
  const blocked = isBlocking(findings);
  const templateKey = request.template ?? draft.data?.template;
  const entry = templates.data?.find((t) => t.key === templateKey);
  const modeText = draft.data
    ? modeChoice && modeChoice !== draft.data.mode
      ? describeMessageMode({ mode: modeChoice, reason: 'chosen', daysSinceConversation: null })
      : draft.data.modeText
    : null;

  const send = useMutation({
    mutationFn: (via: Via) => call('draft.send', {
      contactId, subject, text, channel, via, ...(mode ? { mode } : {}), followUpInDays: NUDGE_DAYS[nudge],
      ...(templateKey ? { template: templateKey } : {}), ...(request.goalId ? { goalId: request.goalId } : {}),
      ...(request.introduceContactId ? { introduceContactId: request.introduceContactId } : {}),
    }),
    onSuccess: async (sent, via) => {
      await qc.invalidateQueries();
      if (via === 'eml' && sent.eml !== null) download(sent.emlFileName ?? 'message.eml', sent.eml);
      if (via === 'mailto') window.location.href = sent.mailto;
      if (via === 'clipboard') {
        try {
          await navigator.clipboard.writeText(sent.text);
        } catch {
          // Logged already; the text stays open to copy by hand.
          setCopyFailed(sent.text);
          return;
        }
      }
      onClose();
    },
  });

  const fillIn = (): void => {
    const given = Object.fromEntries(Object.entries(pending).filter(([, v]) => v.trim() !== ''));
    // Your name is asked once: saved with the settings for every later draft.
    if (given.myName) void call('settings.update', { myName: given.myName }).then(() => qc.invalidateQueries({ queryKey: ['settings'] }));
    setRequest({ ...request, values: { ...request.values, ...given } });
    setPending({});
  };

  if (contact.isError) return <ErrorNote error={contact.error} />;
  if (!contact.data) return <Loading what="Preparing a draft" />;
  const wants = (name: string): boolean => entry?.placeholders.includes(name) ?? false;

  return (
    <div className="composer">
      <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Draft for ${contact.data.name}`}>
        <div className="row">
          <div className="field grow">
            <label htmlFor="composer-template">Template</label>
            <select id="composer-template" value={templateKey ?? ''} onChange={(e) => setRequest({ ...request, template: e.target.value })}>
              {templates.data?.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
            </select>
          </div>
          {wants('goal') && (
            <div className="field grow">
              <label htmlFor="composer-goal">For the goal</label>
              <select id="composer-goal" value={request.goalId ?? ''} onChange={(e) => setRequest({ ...request, goalId: e.target.value ? Number(e.target.value) : undefined })}>
                <option value="">Their open goal, if any</option>
                {goals.data?.map((g) => <option key={g.id} value={g.id}>{g.description}</option>)}
              </select>
            </div>
          )}
        </div>
        {(wants('introTarget') || wants('otherName')) && (
          <ContactPicker label={wants('introTarget') ? 'Introduction to' : 'Introduce them to'} picked={other}
            onChange={(next) => { setOther(next); setRequest({ ...request, introduceContactId: next[0]?.id }); }} />
        )}
        {modeText && mode && (
          <div className={`composer-mode composer-mode-${mode}`} data-testid="composer-mode">
            <p role="status">{modeText}</p>
            <fieldset className="composer-mode-choice">
              <legend className="visually-hidden">Check the message as</legend>
              <label><input type="radio" name="composer-mode" value="first" checked={mode === 'first'} onChange={() => setModeChoice('first')} /> First message</label>
              <label><input type="radio" name="composer-mode" value="ongoing" checked={mode === 'ongoing'} onChange={() => setModeChoice('ongoing')} /> Ongoing conversation</label>
            </fieldset>
          </div>
        )}
        {draft.isPending && <Loading what="Drafting" />}
        <ErrorNote error={draft.error} />
        {draft.data && draft.data.missing.length > 0 && (
          <fieldset>
            <legend>Rapport could not fill these in</legend>
            <div className="composer-values">
              {draft.data.missing.map((name) => (
                <div className="field" key={name}>
                  <label htmlFor={`composer-value-${name}`}>{capitalise(draft.data.hints[name] ?? name)}</label>
                  <input id={`composer-value-${name}`} data-placeholder={name} value={pending[name] ?? ''} onChange={(e) => setPending({ ...pending, [name]: e.target.value })} />
                </div>
              ))}
            </div>
            <div className="form-actions"><button type="button" onClick={fillIn}>Fill in</button><span className="muted small">or edit the [brackets] in the text</span></div>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="composer-subject">Subject</label>
          <input id="composer-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="composer-text">Message</label>
          <textarea id="composer-text" className="composer-text" value={text} onChange={(e) => setText(e.target.value)} spellCheck
            onFocus={(e) => { if (narrow) bringFindingsIntoSight(e.currentTarget); }} />
        </div>
        {narrow && <ComposerFindings findings={findings} />}
        <div className="row">
          <div className="field">
            <label htmlFor="composer-channel">Sent as</label>
            <select id="composer-channel" value={channel} onChange={(e) => setChannel(e.target.value as 'email' | 'message')}>
              <option value="email">Email</option>
              <option value="message">Message (LinkedIn, chat…)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="composer-nudge">If no reply</label>
            <select id="composer-nudge" value={nudge} onChange={(e) => setNudge(e.target.value)}>
              <option value="suggested">Suggested follow-up</option>
              <option value="7">Follow up in a week</option>
              <option value="14">Follow up in two weeks</option>
              <option value="none">No follow-up</option>
            </select>
          </div>
        </div>
        <ErrorNote error={send.error} />
        {copyFailed !== null && <p role="alert" className="error-note">Logged as sent, but the browser would not copy: select the message and copy it yourself.</p>}
        <div className="composer-send">
          <button type="button" className="primary" disabled={blocked || send.isPending || !draft.data} onClick={() => send.mutate('clipboard')}>Copy and mark sent</button>
          <button type="button" disabled={blocked || send.isPending || !draft.data} onClick={() => send.mutate('mailto')}>Open in email app</button>
          <button type="button" disabled={blocked || send.isPending || !draft.data} onClick={() => send.mutate('eml')}>Download .eml</button>
          {blocked && <span className="muted small">Fix the errors in the mistake check to send.</span>}
        </div>
      </form>
      {!narrow && <ComposerFindings findings={findings} />}
    </div>
  );
}

export default function Composer({ target, onClose }: { target: ComposerTarget | null; onClose: () => void }) {
  const name = useQuery({ queryKey: ['contact', target?.contactId], queryFn: () => call('contact.get', { id: target!.contactId }), enabled: target !== null });
  return (
    <Dialog open={target !== null} title={name.data ? `Write to ${name.data.name}` : 'Write a message'} onClose={onClose}>
      {target && <ComposerBody key={`${target.contactId}-${target.template ?? ''}`} target={target} onClose={onClose} />}
    </Dialog>
  );
}
