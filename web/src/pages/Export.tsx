import { PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../router.tsx';

const FILES: { format: string; title: string; text: string }[] = [
  { format: 'vcard', title: 'vCard (.vcf)', text: 'Every contact as vCard 4.0, for a phone or another address book.' },
  { format: 'csv', title: 'Spreadsheet (.csv)', text: 'One row a contact with networks, type, tags and next due date.' },
  { format: 'json', title: 'Full backup (.json)', text: 'The whole database: contacts, interactions, goals, events. Import it to restore.' },
];

// Plain links: the server answers ?download=true with the file itself, so no script touches the data.
export default function ExportPage() {
  useDocumentTitle('Export');
  const calendar = `${window.location.origin}/calendar.ics`;
  return (
    <>
      <PageHeader title="Export" />
      <div className="goal-grid">
        {FILES.map((f) => (
          <section key={f.format} className="card" aria-labelledby={`ex-${f.format}`}>
            <h2 id={`ex-${f.format}`}>{f.title}</h2>
            <p className="muted">{f.text}</p>
            <a className="button" href={`/api/export?format=${f.format}&download=true`} download>Download</a>
          </section>
        ))}
        <section className="card" aria-labelledby="ex-cal">
          <h2 id="ex-cal">Calendar feed</h2>
          <p className="muted">Follow-ups and actions with a due day. Subscribe to this address in your calendar app; it updates by itself.</p>
          <p><code className="copyable">{calendar}</code></p>
        </section>
      </div>
    </>
  );
}
