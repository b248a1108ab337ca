/**
 * The standards pack's yes/no options on the options page, next to the other pack settings; each is
 * saved with the pack ("Save standards").
 */
import type { StandardsPack } from '@/lib/standards/pack';

interface ToggleProps {
  /** `data-testid` of the section; its checkbox is `${id}-toggle`. */
  id: string;
  label: string;
  on: boolean;
  onChange(on: boolean): void;
  children: string;
}

function Toggle({ id, label, on, onChange, children }: ToggleProps) {
  return (
    <section data-testid={id}>
      <label class="row">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={`${id}-toggle`} />
        <strong>{label}</strong>
      </label>
      <p class="muted" style="margin:6px 0 0">
        {children}
      </p>
    </section>
  );
}

export interface PackOptionsProps {
  draft: StandardsPack;
  onChange(draft: StandardsPack): void;
}

/**
 * "Ask before sending" (issue #16, off by default) and "A step says when" (issue #12: whether a when
 * is required is the team's call; on by default, as before the option).
 */
export function PackOptions({ draft, onChange }: PackOptionsProps) {
  return (
    <>
      <Toggle id="step-needs-when" label="A next step says when" on={draft.stepNeedsWhen !== false} onChange={(on) => onChange({ ...draft, stepNeedsWhen: on })}>
        “Next step and when” fails a promise without a time (“I'll look into it”, “I've refunded it” without when they'll see it). Off: such a step
        passes, and the item still says that no when was given.
      </Toggle>
      <Toggle id="ask-before-sending" label="Ask before sending" on={draft.askBeforeSending === true} onChange={(on) => onChange({ ...draft, askBeforeSending: on })}>
        For new agents: when a critical item fails and you press the helpdesk's send button, Rapport asks “Send anyway” or “Keep editing” once,
        beside the reply box, and names what fails. It never changes your text and never stops you sending.
      </Toggle>
    </>
  );
}
