/**
 * The live reply checklist (issue #4) as an agent uses it: the built extension in Chromium on the
 * demo Zendesk (CKEditor-like composer) and the options page's standards pack editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { inSidebar, sidebar, screenshotDir, startRapport, type Rapport } from './harness';
import { countRows, readTable } from './db';

const ZENDESK = 'https://acme.zendesk.com/agent/tickets';
let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
  await mkdir(screenshotDir, { recursive: true });
});
afterAll(() => rapport?.close());

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });
const composer = (page: Page, ticket: string) => page.locator(`[data-ticket-id="${ticket}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`);
const rule = (page: Page, id: string) => sidebar(page, `[data-testid="checklist"] [data-rule="${id}"]`);
const stateOf = (page: Page, id: string) => rule(page, id).getAttribute('data-state', { timeout: 2000 }).catch(() => null);
const worker = (): Worker => rapport.context.serviceWorkers()[0]!;

async function openTicket(ticket: string, name: string) {
  const page = await rapport.open(`${ZENDESK}/${ticket}`);
  await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe(name);
  await expect.poll(() => inSidebar(page, 'checklist').count()).toBe(1);
  return page;
}

async function repliesCount(): Promise<number> {
  return (await countRows(worker(), 'replies')).replies;
}

interface StoredReply {
  ticketId: string;
  sentAt: number;
  states: Record<string, string>;
  readiness: number;
  packId: string;
  responseMs?: number;
}

describe('reply checklist on Zendesk', () => {
  it('flips greeting and empathy as the agent types to an upset customer', async () => {
    const page = await openTicket('101', 'Dana Whitfield');
    await composer(page, '101').click();
    await page.keyboard.type('Hello, we are looking into it.');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('fail');
    expect(await stateOf(page, 'acknowledges-feelings')).toBe('fail');
    expect(await inSidebar(page, 'mood').textContent()).toMatch(/upset/);

    await page.keyboard.press('Control+A');
    await page.keyboard.type("Hi Dana, I'm so sorry you were charged twice for March. I've refunded the duplicate $249 today; you'll see it within 3 days.");
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    // Mid-typing drafts may already pass: wait for the verdict on the whole sentence.
    await expect
      .poll(() => rule(page, 'acknowledges-feelings').locator('[data-testid="why"]').textContent())
      .toMatch(/^Acknowledges: “I'm so sorry you were charged twice/);
    expect(await stateOf(page, 'acknowledges-feelings')).toBe('pass');

    // Passed items fold into one line; opened, "show" (named after its item) highlights the words in
    // a read-only preview inside that item; the agent's text is untouched.
    await sidebar(page, '[data-testid="checklist-passed"] summary').click();
    await sidebar(page, 'button[aria-label="Show the words for ‘Acknowledges feelings’"]').click();
    const preview = rule(page, 'acknowledges-feelings').locator('[data-testid="checklist-preview"]');
    await expect.poll(() => preview.locator('mark').first().textContent()).toMatch(/^I'm so sorry you were charged twice/);
    expect(await preview.getAttribute('contenteditable')).toBeNull();
    expect(await composer(page, '101').locator('mark').count()).toBe(0);

    // Response time: Dana's last message is 25 minutes old; the urgent ticket's 1 h target counts down.
    await expect.poll(() => stateOf(page, 'response-time')).toBe('pass');
    expect(await rule(page, 'response-time').locator('[data-testid="why"]').textContent()).toMatch(/^3\d min left of the 1 h target$/);
    await shot(page, 'checklist-zendesk-101');
    await sidebar(page, '[data-testid="checklist"]').screenshot({ path: join(screenshotDir, 'checklist-panel-101.png') });
    await page.close();
  });

  it('updates when a macro inserts text without an input event', async () => {
    const page = await openTicket('102', 'Sam Rivera');
    await expect.poll(() => inSidebar(page, 'checklist').textContent()).toMatch(/Start your reply/);
    await page.locator('[data-ticket-id="102"] [data-demo-action="apply-macro"]').click();
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    // The macro's "sorry for the trouble" and "by tomorrow at 5pm" are read like typed text.
    expect(await stateOf(page, 'next-step')).toBe('pass');
    await page.close();
  });

  it('ticks the question map as the draft answers José', async () => {
    const page = await openTicket('103', 'José Núñez');
    await composer(page, '103').click();
    await page.keyboard.type('Hola José, the Team plan is billed per seat.');
    const questions = sidebar(page, '[data-testid="question"]');
    await expect.poll(() => questions.count()).toBeGreaterThanOrEqual(3);
    const answered = () => sidebar(page, '[data-testid="question"][data-answered="true"]').count();
    const total = await questions.count();
    await expect.poll(answered).toBeGreaterThanOrEqual(1);
    expect(await answered()).toBeLessThan(total);
    await page.keyboard.type(' People you add mid-month are billed pro rata. Your existing projects and files carry over automatically. Yes, you can pay by bank transfer.');
    await expect.poll(answered).toBe(total);
    await shot(page, 'checklist-zendesk-103-questions');
    await page.close();
  });

  it('inserts the greeting into the real composer (CKEditor 5), whose typing and undo keep working', async () => {
    const page = await openTicket('101', 'Dana Whitfield');
    await composer(page, '101').click();
    await page.keyboard.type('thanks for your patience.');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('fail');
    await page.keyboard.press('Control+Home'); // the agent puts the cursor where the greeting goes
    await inSidebar(page, 'insert-greeting').click();
    await expect.poll(() => composer(page, '101').textContent()).toMatch(/^Hi Dana, thanks for your patience\.$/);
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    // The editor recorded the greeting as its own edit: undo takes it back, redo puts it back.
    // (The click was in the sidebar's frame, which may still hold the keyboard: the agent goes back
    // to the composer first.)
    await composer(page, '101').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => composer(page, '101').textContent()).toBe('thanks for your patience.');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('fail');
    await page.keyboard.press('Control+y');
    await expect.poll(() => composer(page, '101').textContent()).toBe('Hi Dana, thanks for your patience.');
    await composer(page, '101').press('End');
    await page.keyboard.type(' More soon.');
    await expect.poll(() => composer(page, '101').textContent()).toBe('Hi Dana, thanks for your patience. More soon.');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    await page.close();
  });

  it('records the checklist when the reply is submitted', async () => {
    const page = await openTicket('101', 'Dana Whitfield');
    const before = await repliesCount();
    await composer(page, '101').click();
    await page.keyboard.type("Hi Dana, I'm sorry you were charged twice. The $249 is refunded today. Thanks!");
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    await page.locator('[data-ticket-id="101"] [data-test-id="submit_button-button"]').click();
    await expect.poll(repliesCount).toBe(before + 1);
    const last = (await readTable<StoredReply>(worker(), 'replies')).sort((a, b) => b.sentAt - a.sentAt)[0]!;
    expect(last).toMatchObject({ ticketId: '101', packId: 'rapport-default', states: { 'greets-by-name': 'pass', 'acknowledges-feelings': 'pass' } });
    expect(last.responseMs).toBeGreaterThan(20 * 60_000);

    // An internal note is not a reply to the customer: it is not recorded.
    await page.locator('[data-ticket-id="101"] [data-test-id="omnichannel-channel-switcher-button"]').click();
    await composer(page, '101').click();
    await page.keyboard.type('Refund approved by finance, ref FIN-2231.');
    await page.locator('[data-ticket-id="101"] [data-test-id="submit_button-button"]').click();
    await expect.poll(() => page.locator('[data-ticket-id="101"] [data-test-id="omni-log-comment-item"]').last().textContent()).toContain('FIN-2231');
    // No fixed wait: a public reply sent after the note is recorded next. Had the note been recorded,
    // it would be a row before that one, without a greeting.
    await page.locator('[data-ticket-id="101"] [data-test-id="omnichannel-channel-switcher-button"]').click();
    await composer(page, '101').click();
    await page.keyboard.type('Hi Dana, one more thing: the refund reference is FIN-2231. Thanks!');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('pass');
    await page.locator('[data-ticket-id="101"] [data-test-id="submit_button-button"]').click();
    await expect.poll(repliesCount).toBeGreaterThanOrEqual(before + 2);
    expect(await repliesCount()).toBe(before + 2);
    const greetings = (await readTable<StoredReply>(worker(), 'replies')).sort((a, b) => a.sentAt - b.sentAt).map((r) => r.states['greets-by-name']!);
    expect(greetings.slice(-2)).toEqual(['pass', 'pass']);
    await page.close();
  });
});

describe('standards pack editor (options page)', () => {
  it('rejects a bad pack with the exact problem and keeps the current pack', async () => {
    const page = await rapport.open(`chrome-extension://${rapport.extensionId}/options.html`);
    await expect.poll(() => page.locator('[data-testid="pack-id"]').textContent()).toMatch(/rapport-default v1/);
    await page.locator('[data-testid="pack-json"]').fill('{"id":"team","version":1,"rules":{"greets-by-nam":{"on":true,"weight":1,"critical":false}},"responseTime":{"defaultMinutes":60,"targets":[]},"bannedPhrases":[],"kbDomains":[]}');
    await page.locator('[data-testid="pack-import"]').click();
    await expect.poll(() => page.locator('[data-testid="pack-error"]').textContent()).toMatch(/^rules\.greets-by-nam: unknown rule “greets-by-nam”/);
    expect(await page.locator('[data-testid="pack-id"]').textContent()).toMatch(/rapport-default v1/);

    await page.locator('[data-testid="pack-json"]').fill('{"id":"team","version":2,"rules":{},"responseTime":{"defaultMinutes":60,"targets":[]},"bannedPhrases":["no worries"],"kbDomains":["help.example.com"]}');
    await page.locator('[data-testid="pack-import"]').click();
    await expect.poll(() => page.locator('[data-testid="pack-id"]').textContent()).toMatch(/team v2/);
    expect(await page.locator('a[href="dashboard.html"]').count()).toBe(1);
    await shot(page, 'checklist-options');
    await page.close();
  });

  it('leaves the when of a next step to the team: unticked, a promise without a time passes and says so', async () => {
    const setNeedsWhen = async (on: boolean) => {
      const options = await rapport.open(`chrome-extension://${rapport.extensionId}/options.html`);
      const toggle = options.locator('[data-testid="step-needs-when-toggle"]');
      await expect.poll(() => toggle.isChecked()).toBe(!on);
      await toggle.setChecked(on);
      await options.click('[data-testid="pack-save"]');
      await expect.poll(() => options.locator('p.ok[role="status"]').textContent()).toMatch(/^Saved as version/);
      if (!on) await shot(options, 'options-step-needs-when');
      await options.close();
    };
    await setNeedsWhen(false);
    const page = await openTicket('102', 'Sam Rivera');
    await composer(page, '102').click();
    await page.keyboard.type("Hi Sam, we'll look into the missing row.");
    await expect.poll(() => rule(page, 'next-step').locator('[data-testid="why"]').textContent()).toBe('Next step: “we\'ll look into the missing row” (no when said)');
    expect(await stateOf(page, 'next-step')).toBe('pass');
    await page.close();
    await setNeedsWhen(true);
    const again = await openTicket('102', 'Sam Rivera');
    await composer(again, '102').click();
    await again.keyboard.type("Hi Sam, we'll look into the missing row.");
    await expect.poll(() => stateOf(again, 'next-step')).toBe('fail');
    expect(await rule(again, 'next-step').locator('[data-testid="why"]').textContent()).toBe('Says what (“we\'ll look into the missing row”) but not when');
    await again.close();
  });

  it('lets a team reword "Why this matters"; the sidebar and the training page say it their way', async () => {
    const TEAM = 'At Acme we greet every customer by the name they sign with.';
    const options = await rapport.open(`chrome-extension://${rapport.extensionId}/options.html`);
    const greets = options.locator('[data-testid="why-standards"] [data-rule="greets-by-name"]');
    await greets.locator('summary').click();
    await greets.locator('[data-testid="explain-edit"]').click();
    // A problem is said next to the field, in plain words, and nothing is saved.
    await greets.locator('[data-testid="explain-why"]').fill('x'.repeat(601));
    await greets.locator('[data-testid="explain-save"]').click();
    await expect.poll(() => greets.locator('[role="alert"]').textContent()).toBe('Why this matters: must be at most 600 characters');
    await greets.locator('[data-testid="explain-why"]').fill(TEAM);
    await greets.locator('[data-testid="explain-save"]').click();
    await expect.poll(() => greets.textContent()).toContain("Your team's words");
    expect(await greets.textContent()).toContain(TEAM);
    await shot(options, 'options-team-wording');
    await options.close();

    const page = await openTicket('101', 'Dana Whitfield');
    await composer(page, '101').click();
    await page.keyboard.type('Hello, thanks for writing.');
    await expect.poll(() => stateOf(page, 'greets-by-name')).toBe('fail');
    await rule(page, 'greets-by-name').locator('[data-testid="why-toggle"]').click();
    await expect.poll(() => rule(page, 'greets-by-name').locator('[data-testid="why-it-matters"]').textContent()).toContain(TEAM);
    await page.close();

    const training = await rapport.open(`chrome-extension://${rapport.extensionId}/training.html#standards`);
    await expect.poll(() => training.locator('[data-rule="greets-by-name"]').textContent()).toContain(TEAM);
    await training.close();

    // Back to Rapport's words.
    const again = await rapport.open(`chrome-extension://${rapport.extensionId}/options.html`);
    const row = again.locator('[data-testid="why-standards"] [data-rule="greets-by-name"]');
    await row.locator('summary').click();
    await row.locator('[data-testid="explain-reset"]').click();
    await expect.poll(() => row.textContent()).not.toContain(TEAM);
    await again.close();
  });
});
