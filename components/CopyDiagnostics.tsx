import { useState } from 'preact/hooks';
import type { DiagnosticsReport } from './model';

/**
 * "Copy diagnostics" for a helpdesk page Rapport could not fully read (#13): puts the report
 * (selectors and match counts, never customer text) on the clipboard for whoever fixes the adapter.
 */
export function CopyDiagnostics({ report }: { report: DiagnosticsReport }) {
  const [copied, setCopied] = useState<string | undefined>();
  const [text, setText] = useState<string | undefined>();
  const copy = async () => {
    const now = await report(); // counted on the page as it is now
    setText(now);
    try {
      await navigator.clipboard.writeText(now);
      setCopied('Copied.');
    } catch {
      setCopied('Copy failed: select the text below.');
    }
  };
  return (
    <div class="rp-diagnostics">
      <button type="button" class="rp-btn rp-btn-quiet" data-testid="copy-diagnostics" onClick={() => void copy()}>
        Copy diagnostics
      </button>
      {copied && <span class="rp-muted" role="status"> {copied}</span>}
      {text !== undefined && (
        <details open>
          <summary class="rp-muted">What is in it</summary>
          <pre data-testid="diagnostics" class="rp-diagnostics-text">{text}</pre>
        </details>
      )}
    </div>
  );
}
