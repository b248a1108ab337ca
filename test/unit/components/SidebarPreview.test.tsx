// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { PreviewPanel, SidebarPreview, previewState } from '@/components/options/SidebarPreview';
import type { TicketPreview } from '@/lib/helpdesks/preview';

const HOSTILE = '<img src=x onerror=alert(1)>';

const preview = (over: Partial<TicketPreview> = {}): TicketPreview => ({
  page: 'http://desk.test/case/77',
  helpdesk: 'custom',
  ticketId: '77',
  readable: true,
  subject: 'Export broken',
  name: 'Priya Raman',
  customerMessages: 2,
  agentMessages: 3,
  internalNotes: 1,
  latestCustomer: `Any news? ${HOSTILE}`,
  missing: ['requester-email'],
  composer: true,
  sendButton: false,
  asksApi: false,
  ...over,
});

describe('the sidebar preview on the options page', () => {
  it('shows the customer as the sidebar does, and says which field it could not read', () => {
    render(<PreviewPanel preview={preview()} />);
    expect(screen.getByTestId('helpdesk').textContent).toBe('Custom helpdesk');
    expect(screen.getByTestId('ticket-id').textContent).toBe('#77');
    expect(screen.getByTestId('customer-name').textContent).toBe('Priya Raman');
    expect(screen.getByTestId('customer-email').textContent).toBe('Email not shown on this page');
    expect(screen.getByTestId('read-problem').textContent).toBe("Couldn't read the requester's email on this page.");
    expect(screen.queryByTestId('visit-summary')).toBeNull(); // the preview looks nothing up
  });

  it('splits the conversation and quotes the latest customer message as text only', () => {
    const { container } = render(<PreviewPanel preview={preview()} />);
    expect(screen.getByTestId('preview-customer-messages').textContent).toBe('2');
    expect(screen.getByTestId('preview-agent-messages').textContent).toBe('3');
    expect(screen.getByTestId('preview-messages').textContent).toContain('(1 internal note)');
    expect(screen.getByTestId('preview-latest').textContent).toBe(`Any news? ${HOSTILE}`);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('preview-composer').dataset.found).toBe('true');
    expect(screen.getByTestId('preview-send').textContent).toContain('Send button not found');
  });

  it('leaves out the send button for an adapter that has none to find, and mentions the API where there is one', () => {
    render(<PreviewPanel preview={preview({ helpdesk: 'zendesk', sendButton: undefined, asksApi: true })} />);
    expect(screen.queryByTestId('preview-send')).toBeNull();
    expect(screen.getByText(/also asks Zendesk's API/)).toBeTruthy();
  });

  it('an unreadable page: the sidebar\'s "couldn\'t read" list and no customer words', () => {
    render(<PreviewPanel preview={preview({ readable: false, name: undefined, latestCustomer: undefined, missing: ['requester-name', 'conversation'] })} />);
    expect(screen.getByText("Rapport couldn't read this ticket page")).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(expect.arrayContaining(["the requester's name", 'the conversation']));
    expect(screen.queryByTestId('preview-messages')).toBeNull();
    expect(screen.getByText(/Check the settings that match nothing/)).toBeTruthy(); // not "the helpdesk may have changed"
    expect(screen.queryByText(/changed its layout/)).toBeNull();
  });

  it('no ticket on the page: says the sidebar stays away', () => {
    render(<PreviewPanel preview={preview({ ticketId: undefined, readable: false })} />);
    expect(screen.getByTestId('preview-no-ticket').textContent).toContain('the ticket id setting matched nothing here');
    expect(screen.queryByTestId('ticket-id')).toBeNull();
    expect(previewState(preview({ ticketId: undefined }))).toBeUndefined();
  });

  it('draws in its own shadow root with the sidebar stylesheet', () => {
    const { container } = render(<SidebarPreview preview={preview()} />);
    const host = container.querySelector('[data-testid="helpdesk-preview"]')!;
    expect(container.querySelector('[data-testid="customer-name"]')).toBeNull(); // not in the options page's DOM
    expect(host.shadowRoot!.querySelector('[data-testid="customer-name"]')!.textContent).toBe('Priya Raman');
    expect(host.shadowRoot!.querySelector('style')).not.toBeNull(); // the stylesheets (empty here: unit tests load no CSS)
  });
});
