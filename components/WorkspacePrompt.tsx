/**
 * "tenant-b.zendesk.com belongs with tenant-a.zendesk.com?" (issue #15): asked once, when a second
 * account of the same helpdesk product appears. Until the agent says yes, its memory is kept apart.
 */
import { useState } from 'preact/hooks';

export interface WorkspacePromptProps {
  /** This page's helpdesk account. */
  host: string;
  /** The workspace it may belong with, as its accounts. */
  label: string;
  /** What the agent answered, once answered. */
  answered?: 'together' | 'apart';
  onAnswer(belongsTogether: boolean): Promise<{ ok: true } | { ok: false; error: string }>;
}

export function WorkspacePrompt({ host, label, answered, onAnswer }: WorkspacePromptProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (answered) {
    return (
      <p class="rp-notice rp-workspace" role="status" data-testid="workspace-answered">
        {answered === 'together' ? `${host} now shares memory with ${label}. Open the next ticket to see it.` : `${host} keeps its own memory. You can change this in Options.`}
      </p>
    );
  }
  const answer = async (together: boolean) => {
    setBusy(true);
    const result = await onAnswer(together).catch(() => ({ ok: false as const, error: "Couldn't save your answer; please try again." }));
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <section class="rp-workspace" aria-labelledby="rp-workspace-q" data-testid="workspace-prompt">
      <p id="rp-workspace-q" class="rp-workspace-q">
        Does <strong>{host}</strong> belong with <strong>{label}</strong>?
      </p>
      <p class="rp-notice">Until you say so, customers and notes of the two are kept apart.</p>
      <div class="rp-workspace-actions">
        <button type="button" class="rp-btn" disabled={busy} data-testid="workspace-join" onClick={() => void answer(true)}>
          Yes, same company
        </button>
        <button type="button" class="rp-link" disabled={busy} data-testid="workspace-apart" onClick={() => void answer(false)}>
          No, keep apart
        </button>
      </div>
      {error && (
        <p class="rp-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
