/**
 * The standards pack's "Ask before sending" option (issue #16), on the options page next to the
 * other pack settings. Off by default; saved with the pack ("Save standards").
 */
export interface AskBeforeSendingProps {
  on: boolean;
  onChange(on: boolean): void;
}

export function AskBeforeSending({ on, onChange }: AskBeforeSendingProps) {
  return (
    <section data-testid="ask-before-sending">
      <label class="row">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="ask-before-sending-toggle" />
        <strong>Ask before sending</strong>
      </label>
      <p class="muted" style="margin:6px 0 0">
        For new agents: when a critical item fails and you press the helpdesk's send button, Rapport asks “Send anyway” or “Keep editing” once,
        beside the reply box, and names what fails. It never changes your text and never stops you sending.
      </p>
    </section>
  );
}
