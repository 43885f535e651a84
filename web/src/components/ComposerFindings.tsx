import type { DraftFinding } from '../../../src/services/drafts-lint.ts';

// The mistake check beside the text, live: rule, what is wrong, how to fix it. Errors block sending; warnings advise.
export function ComposerFindings({ findings }: { findings: readonly DraftFinding[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <aside className="composer-findings" aria-labelledby="composer-findings-title">
      <h3 id="composer-findings-title">Mistake check</h3>
      <div role="status" aria-live="polite" data-testid="composer-findings">
        {findings.length === 0 ? (
          <p className="finding-ok">✓ No mistakes found</p>
        ) : (
          <>
            <p className="muted small">
              {errors > 0 ? `${errors} to fix before sending` : 'Advice only: you can still send'}
            </p>
            <ul className="findings">
              {findings.map((f, i) => (
                <li key={`${f.rule}-${f.span?.start ?? f.field ?? ''}-${i}`} className={`finding finding-${f.severity}`} data-rule={f.rule}>
                  <span className="finding-rule">{f.severity === 'error' ? 'Fix' : 'Advice'} · <code>{f.rule}</code></span>
                  <span className="finding-message">{f.message}</span>
                  <span className="finding-suggestion">{f.suggestion}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
