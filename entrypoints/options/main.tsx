/**
 * Options page: the workspaces (issue #15) and the team's reply standards pack (issue #4). Edit which rules are on, their weights,
 * which are critical, response-time targets, banned phrases, the sign-off and KB domains; import
 * and export packs as JSON. Every save goes through `parsePack`: a bad pack shows the exact problem
 * and the stored pack stays as it was. The pack's state and actions are lib/standards/pack-editor.ts,
 * its form components/options/StandardsForm.tsx.
 */
import { render } from 'preact';
import './options.css';
import { usePackEditor } from '@/lib/standards/pack-editor';
import { RULES } from '@/lib/standards/rules';
import { Helpdesks } from './helpdesks';
import { db } from '@/lib/db/db';
import { Workspaces } from '@/lib/db/workspaces';
import { useLive } from '@/lib/dashboard/live';
import { WorkspacesSection } from '@/components/options/WorkspacesSection';
import { StandardsExplained } from '@/components/standards/Explained';
import { PackOptions } from '@/components/options/PackOptions';
import { PackFileSection, PackHeader, PhrasesSection, RulesSection, SaveRow, TargetsSection } from '@/components/options/StandardsForm';
import '@/components/standards/explained.css';

/** The workspaces section, live: a ticket opened in another tab shows up here (#15). */
function WorkspacesLive() {
  const workspaces = useLive(() => new Workspaces(db()).list(), [], []);
  const ops = new Workspaces(db());
  return <WorkspacesSection workspaces={workspaces} onSplit={async (host) => void (await ops.split(host))} onJoin={(from, into) => ops.join(from, into)} />;
}

function Options() {
  const editor = usePackEditor();
  if (!editor) return <main class="muted">Loading…</main>;
  const { pack, draft, setDraft, problems } = editor;
  return (
    <main>
      <PackHeader pack={pack} error={editor.error} saved={editor.saved} />
      <RulesSection draft={draft} problems={problems} onChange={setDraft} />
      <TargetsSection draft={draft} problems={problems} onChange={setDraft} />
      <PhrasesSection draft={draft} problems={problems} onChange={setDraft} />
      <PackOptions draft={draft} onChange={setDraft} />
      <SaveRow problemCount={Object.keys(problems).length} onSave={editor.save} onDiscard={editor.discard} onReset={editor.reset} />
      <Helpdesks />
      <WorkspacesLive />
      <section data-testid="why-standards">
        <h2>Why each standard matters</h2>
        <p class="muted">What each checklist item asks of a reply, why it matters to the customer, and a good and a weak example.</p>
        <StandardsExplained order={RULES.map((r) => r.id)} team={pack.explanations} onSave={editor.saveWording} />
      </section>
      <PackFileSection json={editor.json} onJson={editor.setJson} onImport={editor.importJson} onImportFile={editor.importFile} onExport={editor.exportJson} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
