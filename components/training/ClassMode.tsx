/**
 * Class mode (issue #16): one scenario in large type for a projector, ←/→ for the previous and next
 * scenario, the model answer hidden until the trainer reveals it. Presentation masking is on.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ScenarioTicket } from '../../lib/training/ticket';
import { PRINCIPLES, type Scenario } from '../../lib/training/types';
import { PresentationContext, maskText, setMaskedNames } from '../presentation';
import { SidebarFrame } from './SidebarFrame';
import { Thread } from './Thread';

export interface ClassModeProps {
  scenario: Scenario;
  ticket: ScenarioTicket;
  sidebarCss: string;
  position: { index: number; count: number };
  onMove(step: -1 | 1): void;
  onExit(): void;
}

export function ClassMode(props: ClassModeProps) {
  const { scenario, ticket, position } = props;
  useClassKeys(props.onMove, props.onExit);
  setMaskedNames([scenario.customer.name, scenario.customer.preferredName]); // masked in the thread and model answer too (#16)
  return (
    <PresentationContext.Provider value={true}>
      <div class="tr-class" data-testid="class-view" data-scenario-id={scenario.id}>
        <header class="tr-class-head">
          <div>
            <p class="tr-eyebrow">
              {PRINCIPLES[scenario.principle]} · {position.index + 1} of {position.count}
            </p>
            <h1>{scenario.title}</h1>
          </div>
          <div class="tr-head-actions">
            <button type="button" class="rd-button" onClick={() => props.onMove(-1)} aria-keyshortcuts="ArrowLeft">
              ← Previous
            </button>
            <button type="button" class="rd-button" onClick={() => props.onMove(1)} aria-keyshortcuts="ArrowRight">
              Next →
            </button>
            <button type="button" class="rd-button rd-button-quiet" onClick={props.onExit} aria-keyshortcuts="Escape">
              Leave class mode
            </button>
          </div>
        </header>
        <p class="tr-presenting">Presentation mode: customer names and contact details are masked.</p>
        <div class="tr-class-body">
          <div class="tr-class-main">
            <Thread scenario={scenario} />
            <section class="tr-class-why">
              <h2>Why it matters</h2>
              <p>{scenario.why}</p>
            </section>
            <ModelAnswer scenario={scenario} />
          </div>
          <div class="tr-class-side">
            <SidebarFrame
              css={props.sidebarCss}
              state={ticket.state}
              memory={{ context: ticket.memory, now: ticket.now }}
              checklist={{ status: 'empty', draft: '', items: [], questions: [] }}
              presentation={true}
              now={ticket.now}
            />
          </div>
        </div>
        <p class="tr-class-keys rd-muted">← → previous / next scenario · Esc leaves class mode</p>
      </div>
    </PresentationContext.Provider>
  );
}

/** ← and → move between scenarios, Esc leaves class mode (not while typing in a field). */
function useClassKeys(onMove: ClassModeProps['onMove'], onExit: ClassModeProps['onExit']) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
      if (e.key === 'ArrowRight') onMove(1);
      else if (e.key === 'ArrowLeft') onMove(-1);
      else if (e.key === 'Escape') onExit();
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onMove, onExit]);
}

/** The model answer, hidden until the trainer reveals it (hidden again on the next scenario). */
function ModelAnswer({ scenario }: { scenario: ClassModeProps['scenario'] }) {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => setRevealed(false), [scenario.id]);
  return (
    <section class="tr-class-model">
      {revealed ? (
        <div data-testid="model-answer">
          <h2>Model answer</h2>
          <blockquote class="tr-quote">{maskText(scenario.modelAnswer)}</blockquote>
          <ul class="tr-points">
            {scenario.strongReply.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <button type="button" class="rd-button rd-primary tr-reveal" onClick={() => setRevealed(true)} data-testid="model-answer-reveal">
          Reveal the model answer
        </button>
      )}
    </section>
  );
}
