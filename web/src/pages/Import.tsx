import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { call, type Output } from '../api.ts';
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
const preview = (f: FileInput) => call('import.preview', f);
const run = (f: FileInput, skipInvalid: boolean) => call('import.run', { ...f, skipInvalid });

function Report({ report }: { report: ImportReport }) {
  const c = report.counts;
  return (
    <section className="card" aria-labelledby="preview-h">
      <h2 id="preview-h">{report.written ? 'Imported' : 'Preview'}: {report.file}</h2>
      <p>Detected <strong>{report.format}</strong> ({report.encoding}), {plural(c.rows, 'row')}: {c.created} to create, {c.updated} to update, {c.merged} merged, {c.unchanged} unchanged, <strong>{c.rejected} rejected</strong>.</p>
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
  const check = useMutation({ mutationFn: preview });
  const commit = useMutation({ mutationFn: () => run(file!, skipInvalid), onSuccess: () => qc.invalidateQueries() });
  const choose = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    const input = await readFile(f);
    setFile(input);
    commit.reset();
    check.mutate(input);
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
      {check.isPending && <p role="status" className="muted">Reading {file?.filename}…</p>}
      <ErrorNote error={check.error} />
      {report && <Report report={report} />}
      {check.data && !commit.data && (
        <div className="form-actions">
          {check.data.counts.rejected > 0 && (
            <div className="field checkbox">
              <input id="skip-invalid" type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              <label htmlFor="skip-invalid">Import the good rows and leave the rejected ones out</label>
            </div>
          )}
          <button type="button" className="primary" disabled={commit.isPending || toWrite === 0} onClick={() => commit.mutate()}>
            {commit.isPending ? 'Importing…' : `Import ${plural(toWrite, 'contact')}`}
          </button>
        </div>
      )}
      <ErrorNote error={commit.error} title="Nothing was imported. Fix these rows and drop the file again, or tick the box to leave them out:" />
      {commit.data && <p role="status">Done. <Link href="/contacts">See your contacts</Link>.</p>}
    </>
  );
}
