/**
 * The sidebar as it would look on the tested tab (#13, options page → Helpdesks → Test on open tab).
 * Drawn with the sidebar's own head, customer card and "couldn't read" wording over a TicketPreview
 * (lib/helpdesks/preview.ts), in a shadow root holding the sidebar's stylesheet (written for one),
 * plus what only a preview says: the conversation as read and whether the reply box and send
 * button were found. Customer text is rendered as text only.
 */
import { InShadow } from '../InShadow';
import type { SidebarState } from '../model';
import type { TicketPreview } from '../../lib/helpdesks/preview';
import { helpdeskLabel, plural } from '../format';
import { SidebarHead } from '../Sidebar';
import { CustomerCard } from '../CustomerCard';
import { ReadProblem } from '../ReadProblem';
import sidebarCss from '../sidebar.css?inline';
import previewCss from './preview.css?inline';

/** In place of the sidebar's "the helpdesk may have changed its layout": here it is the settings. */
const UNREADABLE_ADVICE = 'This is what the sidebar would say on this tab. Check the settings that match nothing (0), then test again.';

/** The sidebar's state for a preview; undefined when the page is no ticket (the sidebar stays away). */
export function previewState(p: TicketPreview): SidebarState | undefined {
  if (!p.ticketId) return undefined;
  if (!p.readable) return { kind: 'unreadable', helpdesk: p.helpdesk, ticketId: p.ticketId, missing: p.missing };
  return { kind: 'ticket', helpdesk: p.helpdesk, ticketId: p.ticketId, subject: p.subject, customer: { name: p.name, email: p.email }, missing: p.missing };
}

/** The preview in its own shadow root, so the sidebar's styles and the options page's don't meet. */
export function SidebarPreview({ preview }: { preview: TicketPreview }) {
  return (
    <InShadow css={`${sidebarCss}\n${previewCss}`} class="sidebar-preview" data-testid="helpdesk-preview">
      <PreviewPanel preview={preview} />
    </InShadow>
  );
}

export function PreviewPanel({ preview }: { preview: TicketPreview }) {
  const state = previewState(preview);
  return (
    <aside class="rp rp-preview" aria-label="Preview of the Rapport sidebar on this tab">
      <SidebarHead helpdesk={preview.helpdesk} ticketId={preview.ticketId}>
        <span class="rp-preview-tag">Preview</span>
      </SidebarHead>
      <div class="rp-body">
        {!state && (
          <p class="rp-problem rp-preview-wrap" data-testid="preview-no-ticket">
            No ticket found on this page: the ticket id setting matched nothing here, so the sidebar stays hidden. Open a ticket, or check that setting.
          </p>
        )}
        {state?.kind === 'unreadable' && <ReadProblem missing={state.missing} advice={UNREADABLE_ADVICE} />}
        {state?.kind === 'ticket' && <CustomerCard state={state} now={0} visits={false} />}
        {preview.readable && <Conversation preview={preview} />}
        {state && <ReplyChecks preview={preview} />}
        {preview.asksApi && state && !preview.email && (
          <p class="rp-notice">On the ticket, the sidebar also asks {helpdeskLabel(preview.helpdesk)}'s API, which may add what the page doesn't show.</p>
        )}
      </div>
    </aside>
  );
}

function Conversation({ preview }: { preview: TicketPreview }) {
  const { customerMessages, agentMessages, internalNotes, latestCustomer } = preview;
  return (
    <section class="rp-preview-section" aria-label="Conversation as read">
      <h3 class="rp-h">Conversation</h3>
      <p data-testid="preview-messages">
        <b data-testid="preview-customer-messages">{customerMessages}</b> from the customer · <b data-testid="preview-agent-messages">{agentMessages}</b> from agents
        {internalNotes > 0 && <span class="rp-muted"> ({plural(internalNotes, 'internal note')})</span>}
      </p>
      {latestCustomer ? (
        <figure class="rp-preview-latest">
          <figcaption class="rp-label">Latest from the customer</figcaption>
          <blockquote class="rp-preview-quote" dir="auto" data-testid="preview-latest">
            {latestCustomer}
          </blockquote>
        </figure>
      ) : (
        <p class="rp-notice">No message was read as the customer's: check the customer-message setting.</p>
      )}
    </section>
  );
}

function ReplyChecks({ preview }: { preview: TicketPreview }) {
  const items: [string, string, boolean | undefined, string][] = [
    ['preview-composer', 'Reply box', preview.composer, 'open a reply on the page and test again, or check its setting'],
    ['preview-send', 'Send button', preview.sendButton, 'replies sent with a click are not recorded'],
  ];
  return (
    <section class="rp-preview-section" aria-label="Reply box">
      <h3 class="rp-h">Reply</h3>
      <ul class="rp-preview-checks">
        {items
          .filter(([, , found]) => found !== undefined)
          .map(([id, what, found, hint]) => (
            <li key={id} data-testid={id} data-found={String(found)} class={found ? '' : 'rp-muted'}>
              <span class={`rp-preview-mark${found ? ' rp-preview-yes' : ''}`} aria-hidden="true">
                {found ? '✓' : '–'}
              </span>
              {found ? `${what} found` : `${what} not found: ${hint}`}
            </li>
          ))}
      </ul>
    </section>
  );
}
