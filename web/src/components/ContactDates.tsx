import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DateKind } from '../../../src/domain/card.ts';
import { call, callAny } from '../api.ts';
import { Empty, ErrorNote } from './ui.tsx';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KIND_LABELS: Record<DateKind, string> = { birthday: 'Birthday', anniversary: 'Anniversary', other: 'Other' };

interface Shown { kind: DateKind; label: string | null; yearly: boolean; year: number | null; month: number; day: number }
const describe = (d: Shown): string =>
  `${d.day} ${MONTHS[d.month - 1]}${d.year !== null ? ` ${d.year}` : ''}`;

// A contact's birthdays, anniversaries and other days. The day is typed as numbers, not picked from a calendar, so a
// year can stay unknown; the server checks the day (February 30 comes back as its message, shown under the form).
export function ContactDates({ contactId }: { contactId: number }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['dates', contactId], queryFn: () => call('dates.list', { contactId }) });
  const [kind, setKind] = useState<DateKind>('other');
  const [label, setLabel] = useState('');
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('1');
  const [year, setYear] = useState('');
  const [yearly, setYearly] = useState(true);
  const write = useMutation({ mutationFn: callAny, onSuccess: () => qc.invalidateQueries() });
  const add = (e: FormEvent): void => {
    e.preventDefault();
    write.mutate(
      { name: 'dates.add', input: { contactId, kind, label, yearly, month: Number(month), day: Number(day), ...(year ? { year: Number(year) } : {}) } },
      { onSuccess: () => { setLabel(''); setDay(''); setYear(''); } },
    );
  };
  return (
    <>
      {list.data?.length === 0 && <Empty>No dates yet.</Empty>}
      <ul className="rows" aria-label="Important dates">
        {list.data?.map((d) => (
          <li key={d.id ?? 'birthday'} className="row-item" data-testid="contact-date">
            <div className="row-main">
              <span>{d.label ?? KIND_LABELS[d.kind]}</span>
              <span className="muted">{describe(d)} · {d.yearly ? 'every year' : 'once'}</span>
            </div>
            <div className="row-actions">
              {d.id === null
                ? <span className="muted small">kept on the contact (Edit)</span>
                : <button type="button" className="ghost" disabled={write.isPending} onClick={() => write.mutate({ name: 'dates.remove', input: { id: d.id! } })}>Remove<span className="visually-hidden">: {d.label ?? KIND_LABELS[d.kind]}</span></button>}
            </div>
          </li>
        ))}
      </ul>
      <form className="inline-form wrap" onSubmit={add} aria-label="Add a date">
        <label htmlFor={`dt-kind-${contactId}`}>Kind</label>
          <select id={`dt-kind-${contactId}`} value={kind} onChange={(e) => setKind(e.target.value as DateKind)}>
            {(Object.keys(KIND_LABELS) as DateKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        <label htmlFor={`dt-what-${contactId}`}>What</label><input id={`dt-what-${contactId}`} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="started at Northstar" maxLength={60} />
        <label htmlFor={`dt-day-${contactId}`}>Day</label><input id={`dt-day-${contactId}`} type="number" min={1} max={31} value={day} onChange={(e) => setDay(e.target.value)} required inputMode="numeric" />
        <label htmlFor={`dt-month-${contactId}`}>Month</label>
          <select id={`dt-month-${contactId}`} value={month} onChange={(e) => setMonth(e.target.value)}>
            {MONTHS.map((m, i) => <option key={m} value={String(i + 1)}>{m}</option>)}
          </select>
        <label htmlFor={`dt-year-${contactId}`}>Year</label><input id={`dt-year-${contactId}`} type="number" min={1} max={9999} value={year} onChange={(e) => setYear(e.target.value)} placeholder="optional" inputMode="numeric" />
        <label htmlFor={`dt-repeats-${contactId}`}>Repeats</label>
          <select id={`dt-repeats-${contactId}`} value={yearly ? 'yearly' : 'once'} onChange={(e) => setYearly(e.target.value === 'yearly')}>
            <option value="yearly">every year</option>
            <option value="once">once</option>
          </select>
        <button type="submit" disabled={write.isPending}>Add date</button>
      </form>
      <ErrorNote error={write.error} />
    </>
  );
}
