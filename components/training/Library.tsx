/** The scenario library (issue #16): one card per scenario, and the pack tools a trainer needs. */
import { useRef } from 'preact/hooks';
import type { LibraryEntry } from '../../lib/db/training';
import { PRINCIPLES } from '../../lib/training/types';
import { maskName, usePresentation } from '../presentation';

export interface LibraryProps {
  entries: LibraryEntry[];
  /** Last import/export/reset outcome, in plain words. */
  message?: { tone: 'ok' | 'error'; text: string };
  onOpen(id: string): void;
  onNew(): void;
  onExport(): void;
  onImport(file: File): void;
  onResetBuiltIns(): void;
}

const ORIGIN: Record<LibraryEntry['origin'], string | undefined> = { 'built-in': undefined, edited: 'Edited', authored: 'Yours' };

export function Library({ entries, message, onOpen, onNew, onExport, onImport, onResetBuiltIns }: LibraryProps) {
  const presenting = usePresentation();
  const file = useRef<HTMLInputElement>(null);
  return (
    <div class="rd-view tr-library">
      <div class="tr-page-head">
        <div>
          <h1>Scenario library</h1>
          <p class="rd-muted">Each scenario teaches one idea from the service principles. Pick one to practise, or open it in class mode for the room.</p>
        </div>
        <div class="tr-head-actions">
          <button type="button" class="rd-button rd-primary" onClick={onNew} data-testid="scenario-new">
            New scenario
          </button>
          <button type="button" class="rd-button" onClick={onExport} data-testid="scenario-export">
            Export pack
          </button>
          <label class="rd-button tr-file">
            Import pack
            <input
              ref={file}
              type="file"
              accept="application/json,.json"
              data-testid="scenario-import"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) onImport(f);
                e.currentTarget.value = '';
              }}
            />
          </label>
          <button type="button" class="rd-button rd-button-quiet" onClick={onResetBuiltIns} data-testid="scenario-reset">
            Reset built-ins
          </button>
        </div>
      </div>
      {message && (
        <p class={message.tone === 'error' ? 'rd-error tr-message' : 'tr-message tr-message-ok'} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="library-message">
          {message.text}
        </p>
      )}
      <ul class="tr-cards">
        {entries.map(({ scenario, origin }) => (
          <li key={scenario.id}>
            <button type="button" class="tr-card" data-testid="scenario" data-scenario-id={scenario.id} onClick={() => onOpen(scenario.id)}>
              <span class="tr-eyebrow">{PRINCIPLES[scenario.principle]}</span>
              <span class="tr-card-title">{scenario.title}</span>
              <span class="tr-card-who rd-muted">
                {presenting ? maskName(scenario.customer.name) : scenario.customer.name}
                {scenario.customer.organization ? ` · ${scenario.customer.organization}` : ''}
                {scenario.customer.vip ? ' · VIP' : ''}
              </span>
              <span class="tr-card-foot">
                <span class="rd-badge rd-badge-quiet">{scenario.channel === 'chat' ? 'Chat' : 'Email'}</span>
                <span class="rd-badge rd-badge-quiet">{scenario.thread.length} {scenario.thread.length === 1 ? 'message' : 'messages'}</span>
                {ORIGIN[origin] && <span class="rd-badge">{ORIGIN[origin]}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
