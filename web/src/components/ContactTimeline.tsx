import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api.ts';
import { formatDay } from '../format.ts';
import { CHANNEL_LABELS, KIND_LABELS, VALUE_LABELS } from '../labels.ts';
import { Link } from '../router.tsx';
import { TimelineEntryEditor } from './TimelineEntryEditor.tsx';
import { Empty, ErrorNote, Loading } from './ui.tsx';

const PAGE = 20;

// Newest first, twenty at a time. Summaries are plain text: React escapes them, so markup in a note stays visible text.
export function ContactTimeline({ contactId }: { contactId: number }) {
  const timeline = useInfiniteQuery({
    queryKey: ['interactions', contactId],
    queryFn: ({ pageParam }) => call('interaction.list', { contactId, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
  const qc = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  // No confirmation: the toast that follows offers Undo.
  const remove = useMutation({
    mutationFn: (id: number) => call('interaction.delete', { id }),
    onSuccess: async () => { await qc.invalidateQueries(); },
  });
  if (timeline.isPending) return <Loading what="Loading the timeline" />;
  if (timeline.isError) return <ErrorNote error={timeline.error} />;
  const items = timeline.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty>No interactions logged yet.</Empty>;
  return (
    <>
      <ol className="timeline">
        {items.map((i) => (
          <li key={i.id}>
            <div className="timeline-head">
              <strong>{KIND_LABELS[i.kind]}</strong>
              <span className="muted">{CHANNEL_LABELS[i.channel]} · {formatDay(i.occurredAt)}</span>
              {i.value !== 'none' && <span className={`badge value-${i.value}`}>{VALUE_LABELS[i.value]}{i.valueNote ? `: ${i.valueNote}` : ''}</span>}
              {i.gratitude && <span className="badge gratitude">Thanks expressed</span>}
              <span className="timeline-actions">
                <button type="button" className="ghost" aria-expanded={editing === i.id} onClick={() => setEditing(editing === i.id ? null : i.id)}>
                  Edit<span className="visually-hidden"> {KIND_LABELS[i.kind]} of {formatDay(i.occurredAt)}</span>
                </button>
                <button type="button" className="ghost danger" disabled={remove.isPending} onClick={() => remove.mutate(i.id)}>
                  Delete<span className="visually-hidden"> {KIND_LABELS[i.kind]} of {formatDay(i.occurredAt)}</span>
                </button>
              </span>
            </div>
            {editing === i.id
              ? <TimelineEntryEditor entry={i} onDone={() => setEditing(null)} />
              : i.summary && <p className="note-text">{i.summary}</p>}
            {i.participants.length > 1 && (
              <p className="muted small">With {i.participants.filter((p) => p.id !== contactId).map((p, n) => (
                <span key={p.id}>{n > 0 && ', '}<Link href={`/contacts/${p.id}`}>{p.name}</Link></span>
              ))}</p>
            )}
          </li>
        ))}
      </ol>
      <ErrorNote error={remove.error} />
      {timeline.hasNextPage && (
        <button type="button" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>Show older</button>
      )}
    </>
  );
}
