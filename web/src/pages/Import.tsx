import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type DragEvent } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { call, type Output } from '../api.ts';
import { NetworkChoice } from '../components/NetworkChoice.tsx';
import { ErrorNote, PageHeader } from '../components/ui.tsx';
import { plural } from '../format.ts';
import { Link, useDocumentTitle } from '../router.tsx';

interface FileInput { content: string; base64: true; filename: string }

// Bytes travel as base64 so the server can detect the file's encoding (LinkedIn, Outlook and old vCards differ).
function readFile(file: File): Promise<FileInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ content: String(reader.result).replace(/^data:[^,]*,/, ''), base64: true, filename: file.name });
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

type ImportReport = Output<'import.preview'>;
// The CLI's options: every imported contact joins these networks, gets these tags and this connection type.
interface ImportOptions { networks: Network[]; tags: string[]; connectionType: string }
const withOptions = (f: FileInput, o: ImportOptions) => ({ ...f, networks: o.networks, tags: o.tags, ...(o.connectionType ? { connectionType: o.connectionType } : {}) });
const preview = ({ file, options }: { file: FileInput; options: ImportOptions }) => call('import.preview', withOptions(file, options));
const run = (f: FileInput, o: ImportOptions, skipInvalid: boolean) => call('import.run', { ...withOptions(f, o), skipInvalid });

// The import is one request and one transaction: its progress cannot be streamed, so the page says honestly what
// it is writing (the preview's counts) and how long it has been at it.
function Progress({ report }: { report: ImportReport }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(t);
  }, []);
  const c = report.counts;
  return (
    <div className="import-progress" role="status">
      <progress aria-label="Importing" />
      Importing {plural(c.rows, 'row')}: creating {c.created.toLocaleString()}, updating {c.updated.toLocaleString()}, merging {c.merged.toLocaleString()}… {seconds > 1 ? `${seconds} s` : ''}
      {c.rows > 5000 && <span className="muted small"> (about 10 s per 10,000 rows; all or nothing, so nothing is stored until it is done)</span>}
    </div>
  );
}

function Report({ report }: { report: ImportReport }) {
  const c = report.counts;
  return (
    <section className="card" aria-labelledby="preview-h">
      <h2 id="preview-h">{report.written ? 'Imported' : 'Preview'}: {report.file}</h2>
      <p>Detected <strong>{report.format}</strong> ({report.encoding}), {plural(c.rows, 'row')}: {c.created} {report.written ? 'created' : 'to create'}, {c.updated} {report.written ? 'updated' : 'to update'}, {c.merged} merged, {c.unchanged} unchanged, <strong>{c.rejected} rejected</strong>.</p>
      <p className="muted small">
        <strong>Updated</strong>: the row is someone you already have (same email, LinkedIn address or phone); what the file adds is added to them, nothing is overwritten.
        {' '}<strong>Merged</strong>: the row is the same person as an earlier row of this file, so both rows make one contact.
      </p>
      {c.unsorted > 0 && (
        <p>{plural(c.unsorted, 'new contact')} {report.written ? 'have' : 'will have'} no network: they wait <strong>unsorted</strong> in <Link href="/triage">Triage</Link>, on no keep-in-touch list until you sort them. Or choose a network above to sort them all as they arrive.</p>
      )}
      {report.warnings.length > 0 && <ul className="muted small">{report.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      {report.rejected.length > 0 && (
        <div className="error-note" role="alert">
          <p>Rejected rows</p>
          <ul>{report.rejected.map((r) => <li key={r.line}>Line {r.line}: {r.reason}</li>)}</ul>
        </div>
      )}
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Outcome</th><th scope="col">Changes</th></tr></thead>
          <tbody>
            {report.rows.slice(0, 200).map((r) => (
              <tr key={r.line}><td>{r.line}</td><td>{r.name}</td><td>{r.outcome}</td><td className="small">{r.changes.join(', ')}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rows.length > 200 && <p className="muted small">…and {report.rows.length - 200} more rows.</p>}
    </section>
  );
}

export default function ImportPage() {
  useDocumentTitle('Import');
  const qc = useQueryClient();
  const [file, setFile] = useState<FileInput | null>(null);
  const [over, setOver] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [options, setOptions] = useState<ImportOptions>({ networks: [], tags: [], connectionType: '' });
  const [tagText, setTagText] = useState('');
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const check = useMutation({ mutationFn: preview });
  const commit = useMutation({ mutationFn: () => run(file!, options, skipInvalid), onSuccess: () => qc.invalidateQueries() });
  const choose = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    const input = await readFile(f);
    setFile(input);
    commit.reset();
    check.mutate({ file: input, options });
  };
  // Options change what the preview says (how many stay unsorted, which types are valid): check again.
  const change = (next: ImportOptions): void => {
    setOptions(next);
    if (file && !commit.data) check.mutate({ file, options: next });
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    void choose(e.dataTransfer.files[0]);
  };
  const report = commit.data ?? check.data;
  const toWrite = check.data ? check.data.counts.created + check.data.counts.updated + check.data.counts.merged : 0;
  return (
    <>
      <PageHeader title="Import" />
      <div className={`drop-zone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        <p>Drop a file here: LinkedIn <code>Connections.csv</code>, a Google or Outlook CSV export, any CSV, a vCard (<code>.vcf</code>), or a Rapport backup.</p>
        <label htmlFor="import-file" className="button">Choose a file…</label>
        <input id="import-file" className="visually-hidden" type="file" accept=".csv,.vcf,.vcard,.json,.txt,text/csv,text/vcard,application/json"
          onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      <fieldset className="card import-options">
        <legend>For every contact in the file (optional)</legend>
        <NetworkChoice idPrefix="import-network" value={options.networks} onChange={(networks) => change({ ...options, networks })} />
        <div className="field">
          <label htmlFor="import-type">Connection type</label>
          <select id="import-type" value={options.connectionType} onChange={(e) => change({ ...options, connectionType: e.target.value })}>
            <option value="">none</option>
            {(types.data ?? []).map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-tags">Tags <span className="muted small">(comma-separated)</span></label>
          <input id="import-tags" value={tagText} onChange={(e) => setTagText(e.target.value)}
            onBlur={() => change({ ...options, tags: tagText.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) })} />
        </div>
      </fieldset>
      {check.isPending && <p role="status" className="muted">Reading {file?.filename}…</p>}
      <ErrorNote error={check.error} />
      {commit.isPending && check.data && <Progress report={check.data} />}
      {report && <Report report={report} />}
      {check.data && !commit.data && (
        <div className="form-actions">
          {check.data.counts.rejected > 0 && (
            <div className="field checkbox">
              <input id="skip-invalid" type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              <label htmlFor="skip-invalid">Import the good rows and leave the rejected ones out</label>
            </div>
          )}
          <button type="button" className="primary" disabled={commit.isPending || check.isPending || toWrite === 0} onClick={() => commit.mutate()}>
            {commit.isPending ? 'Importing…' : `Import ${plural(toWrite, 'contact')}`}
          </button>
        </div>
      )}
      <ErrorNote error={commit.error} title="Nothing was imported. Fix these rows and drop the file again, or tick the box to leave them out:" />
      {commit.data && (
        <p role="status">Done: {plural(commit.data.counts.created, 'contact')} created, {commit.data.counts.updated} updated, {commit.data.counts.merged} merged.
          {' '}{commit.data.counts.unsorted > 0 ? <Link href="/triage">Sort the {commit.data.counts.unsorted.toLocaleString()} unsorted in Triage</Link> : <Link href="/contacts">See your contacts</Link>}.</p>
      )}
    </>
  );
}
