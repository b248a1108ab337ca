/**
 * The options page's workspaces (issue #15): which helpdesk accounts share one memory. The agent
 * splits an account out, or joins two workspaces. Props in, actions out.
 */
import { useState } from 'preact/hooks';
import type { WorkspaceView } from '../../lib/db/workspaces';
import { Outcome } from './Outcome';

export interface WorkspacesProps {
  workspaces: WorkspaceView[];
  onSplit(host: string): Promise<void>;
  onJoin(from: string, into: string): Promise<void>;
}

/** Runs an action and says how it went: its message once done, or the error it threw. */
function useOutcome() {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const act = async (work: Promise<void>, message: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await work;
      setDone(message);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { error, done, act };
}

export function WorkspacesSection({ workspaces, onSplit, onJoin }: WorkspacesProps) {
  const { error, done, act } = useOutcome();
  // Kept here, not in JoinForm: the choices outlive the form while a single workspace hides it.
  const [joinFrom, setJoinFrom] = useState('');
  const [joinInto, setJoinInto] = useState('');
  const named = (id: string) => workspaces.find((w) => w.id === id)?.label ?? id;
  return (
    <section data-testid="workspaces">
      <h2>Workspaces</h2>
      <p class="muted">
        Customers, notes and history are kept per workspace: the helpdesk accounts of one company. A Zendesk and a Freshdesk join the
        default workspace; a second account of the same helpdesk (another company’s Zendesk) is kept apart until you join it.
      </p>
      <WorkspacesTable workspaces={workspaces} onSplit={(host) => void act(onSplit(host), `${host} now has its own workspace.`)} />
      {workspaces.length > 1 && (
        <JoinForm
          workspaces={workspaces}
          named={named}
          from={joinFrom}
          into={joinInto}
          onFrom={setJoinFrom}
          onInto={setJoinInto}
          onJoin={() => void act(onJoin(joinFrom, joinInto), `${named(joinFrom)} now shares memory with ${named(joinInto)}.`)}
        />
      )}
      <Outcome error={error} done={done} />
    </section>
  );
}

/** Each workspace with its helpdesk accounts (any of several can be split out) and its customer count. */
function WorkspacesTable({ workspaces, onSplit }: { workspaces: WorkspaceView[]; onSplit(host: string): void }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Workspace</th>
          <th>Helpdesk accounts</th>
          <th>Customers</th>
        </tr>
      </thead>
      <tbody>
        {workspaces.map((w) => (
          <tr key={w.id} data-testid="workspace-row" data-workspace={w.id}>
            <td>{w.id === 'default' ? 'Default' : w.label}</td>
            <td>
              {w.accounts.length === 0 && <span class="muted">none yet</span>}
              <ul class="accounts">
                {w.accounts.map((a) => (
                  <li key={a.host}>
                    <span>{a.host}</span>
                    {w.accounts.length > 1 && (
                      <button type="button" class="link" data-testid="workspace-split" onClick={() => onSplit(a.host)}>
                        Split out
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </td>
            <td>{w.customers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface JoinFormProps {
  workspaces: WorkspaceView[];
  named(id: string): string;
  from: string;
  into: string;
  onFrom(id: string): void;
  onInto(id: string): void;
  onJoin(): void;
}

/** "Join [workspace] into [workspace]". */
function JoinForm({ workspaces, named, from, into, onFrom, onInto, onJoin }: JoinFormProps) {
  return (
    <div class="row join">
      <label class="row">
        Join
        <WorkspaceChoice testId="workspace-join-from" workspaces={workspaces} named={named} value={from} onChange={onFrom} />
      </label>
      <label class="row">
        into
        <WorkspaceChoice testId="workspace-join-into" workspaces={workspaces} named={named} value={into} onChange={onInto} />
      </label>
      <button type="button" class="primary" data-testid="workspace-join" disabled={!from || !into} onClick={onJoin}>
        Join
      </button>
    </div>
  );
}

interface WorkspaceChoiceProps {
  testId: string;
  workspaces: WorkspaceView[];
  named(id: string): string;
  value: string;
  onChange(id: string): void;
}

function WorkspaceChoice({ testId, workspaces, named, value, onChange }: WorkspaceChoiceProps) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">choose…</option>
      {workspaces.map((w) => (
        <option key={w.id} value={w.id}>
          {named(w.id)}
        </option>
      ))}
    </select>
  );
}
