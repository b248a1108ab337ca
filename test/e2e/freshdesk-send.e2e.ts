/**
 * Sent replies are recorded for the team lead's reply-quality figures (issue #4) — on Freshdesk,
 * both layouts of the demo: Send in the Froala reply box stores the checklist's verdicts; a private
 * note (toolbar "Add note", then the box's "Add note" button) is not a reply and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { inSidebar, sidebar, startRapport, type Rapport } from './harness';
import { readTables } from './db';

let rapport: Rapport;

beforeAll(async () => {
  rapport = await startRapport();
});
afterAll(() => rapport?.close());

const worker = (): Worker => rapport.context.serviceWorkers()[0]!;
const composer = (page: Page) => page.locator('.rich-editor .fr-element.fr-view[contenteditable="true"]');
const sendButton = (page: Page) => page.locator('.rich-editor [data-demo-action="send"]');

interface StoredReply {
  helpdesk: string;
  account: string;
  ticketId: string;
  customerId?: string;
  sentAt: number;
  responseMs?: number;
  states: Record<string, string>;
  readiness: number;
  packId: string;
}

/** The reply records of one helpdesk account, oldest first, and who its customer is. */
const stored = async (account: string) => {
  const { replies, customers } = await readTables<{ replies: StoredReply[]; customers: { id: string; emails: string[]; account: string }[] }>(worker(), 'replies', 'customers');
  return {
    replies: replies.filter((r) => r.account === account).sort((a, b) => a.sentAt - b.sentAt),
    customers: customers.map((c) => ({ id: c.id, emails: c.emails, account: c.account })),
  };
};
const repliesOf = async (account: string) => (await stored(account)).replies;

async function type(page: Page, text: string) {
  await composer(page).click();
  await page.keyboard.type(text);
  await expect.poll(() => composer(page).textContent()).toBe(text);
}

/** The demo appends what was sent to the conversation; `note` entries carry the private-note class. */
const sentEntry = (page: Page, text: string, note: boolean) =>
  page.locator(`.ticket-details__item${note ? '.ticket-details__privatenote' : ':not(.ticket-details__privatenote)'} .conversation-text`, { hasText: text });

describe.each([
  { layout: '2026', account: 'demo.freshdesk.com' },
  { layout: 'classic', account: 'classic.freshdesk.com' },
])('Freshdesk ($layout layout): sending a reply', ({ layout, account }) => {
  it('records the sent reply’s checklist for ticket 41 and nothing for a private note', async () => {
    const page = await rapport.open(`https://${account}/a/tickets/41`);
    expect(await page.locator('.fd-ticket').getAttribute('data-layout')).toBe(layout);
    await expect.poll(() => inSidebar(page, 'customer-name').textContent()).toBe('Sam Rivera');
    await expect.poll(() => inSidebar(page, 'checklist').count()).toBe(1);
    expect(await repliesOf(account)).toEqual([]);

    // 1. A reply: Send records one row, with the verdicts the checklist showed.
    const reply = 'Hi Sam, yes: you can add lee@riveradesign.example as a second billing contact under Admin → Billing. Thanks!';
    await type(page, reply);
    await expect.poll(() => sidebar(page, '[data-testid="checklist"] [data-rule="greets-by-name"]').getAttribute('data-state')).toBe('pass');
    await sendButton(page).click();
    await expect.poll(() => sentEntry(page, 'under Admin → Billing', false).count()).toBe(1);
    await expect.poll(() => repliesOf(account).then((r) => r.length)).toBe(1);
    const { replies, customers } = await stored(account);
    // The two layouts are two Freshdesk accounts, so two workspaces (#15) with a Sam each.
    const sam = customers.find((c) => c.emails.includes('sam.rivera@example.com') && c.account === account);
    expect(replies[0]).toMatchObject({ helpdesk: 'freshdesk', account, ticketId: '41', customerId: sam?.id, packId: 'rapport-default', states: { 'greets-by-name': 'pass', closing: 'pass' } });
    expect(replies[0]!.responseMs).toBeGreaterThan(0);

    // 2. A private note: the box becomes "Private note" / "Add note"; adding it records nothing.
    await page.locator('[data-test-id="add-note"]').click();
    expect(await page.locator('.rich-editor .send-label').textContent()).toBe('Add note');
    const note = 'Checked the plan: two billing contacts are allowed, Lee added.';
    await type(page, note);
    await sendButton(page).click();
    await expect.poll(() => sentEntry(page, 'two billing contacts are allowed', true).count()).toBe(1);

    // 3. Another reply. Its row must be the next one: had the note been recorded (its click came
    // first), it would be row 2 — and it would not greet Sam.
    const second = 'Hi Sam, Lee is now a billing contact and will get the next invoice too. Thanks!';
    await type(page, second);
    await sendButton(page).click();
    await expect.poll(() => sentEntry(page, 'Lee is now a billing contact', false).count()).toBe(1);
    await expect.poll(() => repliesOf(account).then((r) => r.length)).toBeGreaterThanOrEqual(2);
    const after = await repliesOf(account);
    expect(after).toHaveLength(2);
    expect(after.map((r) => r.states['greets-by-name'])).toEqual(['pass', 'pass']);
    expect(after[1]).toMatchObject({ ticketId: '41', customerId: sam?.id });
    await page.close();
  });
});
