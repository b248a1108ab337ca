/**
 * The reader behind the options page's sidebar preview (#13). Not in the manifest: the options page
 * injects it (scripting.executeScript) into the helpdesk tab the agent is testing, after putting
 * the helpdesk's settings as typed in PREVIEW_INPUT of the extension's isolated world. It reads the
 * page with the same adapter the sidebar would run there (`adapterOf`) and evaluates to plain data,
 * which is what executeScript hands back. It leaves nothing running on the page.
 */
import { adapterOf, type ConfiguredHelpdesk } from '@/lib/helpdesks/configured';
import { PREVIEW_INPUT, previewTicket, type TicketPreview } from '@/lib/helpdesks/preview';

export default defineUnlistedScript((): TicketPreview | undefined => {
  const world = globalThis as { [PREVIEW_INPUT]?: ConfiguredHelpdesk };
  const helpdesk = world[PREVIEW_INPUT];
  delete world[PREVIEW_INPUT];
  const adapter = helpdesk && adapterOf(helpdesk);
  return adapter ? previewTicket(adapter, document, new URL(location.href)) : undefined;
});
