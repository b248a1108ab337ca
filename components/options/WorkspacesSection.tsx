/**
 * The options page's workspaces (issue #15): which helpdesk accounts share one memory. The agent
 * splits an account out, or joins two workspaces. Props in, actions out.
 */
import { useState } from 'preact/hooks';
import type { WorkspaceView } from '../../lib/db/workspaces';

export interface WorkspacesProps {
  workspaces: WorkspaceView[];
  onSplit(host: string): Promise<void>;
  onJoin(from: string, into: string): Promise<void>;
}

export function WorkspacesSection({ workspaces, onSplit, onJoin }: WorkspacesProps) {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [joinFrom, setJoinFrom] = useState('');
  const [joinInto, setJoinInto] = useState('');
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
  const named = (id: string) => workspaces.find((w) => w.id === id)?.label ?? id;
  return (
    <section data-testid="workspaces">
      <h2>Workspaces</h2>
      <p class="muted">
        Customers, notes and history are kept per workspace: the helpdesk accounts of one company. A Zendesk and a Freshdesk join the
        default workspace; a second account of the same helpdesk (another company’s Zendesk) is kept apart until you join it.
      </p>
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
                        <button type="button" class="link" data-testid="workspace-split" onClick={() => void act(onSplit(a.host), `${a.host} now has its own workspace.`)}>
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
      {workspaces.length > 1 && (
        <div class="row join">
          <label class="row">
            Join
            <select data-testid="workspace-join-from" value={joinFrom} onChange={(e) => setJoinFrom(e.currentTarget.value)}>
              <option value="">choose…</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {named(w.id)}
                </option>
              ))}
            </select>
          </label>
          <label class="row">
            into
            <select data-testid="workspace-join-into" value={joinInto} onChange={(e) => setJoinInto(e.currentTarget.value)}>
              <option value="">choose…</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {named(w.id)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="primary"
            data-testid="workspace-join"
            disabled={!joinFrom || !joinInto}
            onClick={() => void act(onJoin(joinFrom, joinInto), `${named(joinFrom)} now shares memory with ${named(joinInto)}.`)}
          >
            Join
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
