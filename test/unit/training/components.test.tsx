// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/preact';
import { Library } from '@/components/training/Library';
import { Practice } from '@/components/training/Practice';
import { BUILT_IN_SCENARIOS } from '@/lib/training/scenarios';
import { checkReply } from '@/lib/training/check';
import { scenarioTicket } from '@/lib/training/ticket';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import type { Scenario } from '@/lib/training/types';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 11, 2, 14);
const hostile: Scenario = {
  ...BUILT_IN_SCENARIOS[0]!,
  id: 'hostile',
  title: HOSTILE,
  customer: { ...BUILT_IN_SCENARIOS[0]!.customer, name: `Dana ${HOSTILE}` },
  thread: [{ from: 'customer', text: `Help ${HOSTILE}`, minutesAgo: 5 }],
};

describe('training views', () => {
  it('the library renders scenario text as text, one card per scenario with its id', () => {
    const open = vi.fn();
    const { container } = render(
      <Library entries={[{ scenario: hostile, origin: 'authored' }]} onOpen={open} onNew={vi.fn()} onExport={vi.fn()} onImport={vi.fn()} onResetBuiltIns={vi.fn()} />,
    );
    const card = container.querySelector('[data-testid="scenario"]')!;
    expect(card.getAttribute('data-scenario-id')).toBe('hostile');
    expect(card.textContent).toContain(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(card);
    expect(open).toHaveBeenCalledWith('hostile');
  });

  it('practice: Check scores the reply, records the attempt, shows failing items and the model answer', async () => {
    const scenario = BUILT_IN_SCENARIOS[0]!;
    const evaluate = (draft: string) => checkReply(scenario, draft, DEFAULT_PACK, NOW);
    const onAttempt = vi.fn(async () => undefined);
    const { container, findByTestId } = render(
      <Practice
        scenario={hostile}
        ticket={scenarioTicket(hostile, NOW)}
        sidebarCss=""
        trainee="Ana"
        evaluate={evaluate}
        model={evaluate(scenario.modelAnswer)}
        onAttempt={onAttempt}
        onClassMode={vi.fn()}
        onEdit={vi.fn()}
      />,
    );
    expect(container.querySelector('[data-testid="model-answer"]')).toBeNull();
    const composer = container.querySelector<HTMLTextAreaElement>('[data-testid="practice-composer"]')!;
    fireEvent.input(composer, { target: { value: 'We apologize for any inconvenience.' } });
    fireEvent.click(container.querySelector('[data-testid="practice-check"]')!);
    const score = await findByTestId('practice-score');
    expect(Number(score.getAttribute('data-score'))).toBeLessThan(50);
    expect(onAttempt).toHaveBeenCalledTimes(1);
    expect(container.querySelectorAll('[data-testid="practice-items"] [data-state="fail"]').length).toBeGreaterThan(2);
    expect(container.querySelector('[data-testid="model-answer"]')?.textContent).toContain('Hi Dana');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('scenario editor', () => {
  it('saving a built-in unchanged gives back the same scenario (no cue quietly lost)', { timeout: 30_000 }, async () => {
    const { ScenarioEditor } = await import('@/components/training/ScenarioEditor');
    for (const scenario of BUILT_IN_SCENARIOS) {
      const onSave = vi.fn(async (_s: Scenario): Promise<string | undefined> => undefined);
      const { container, unmount } = render(<ScenarioEditor scenario={scenario} isNew={false} origin="built-in" onSave={onSave} onCancel={vi.fn()} onDelete={vi.fn()} />);
      fireEvent.submit(container.querySelector('form')!);
      await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
      expect(onSave.mock.calls[0]![0]).toEqual(scenario);
      unmount();
    }
  });
});
