// "Check visible" / "Check all": a bulk inspection in main within the vendors' rate limits, with a
// progress bar, Cancel, and the rows updating as results arrive.
import type { ReactElement } from 'react';
import { useStore } from '../../../app/store';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';

export function BulkCheckBar({ shownIds }: { shownIds: string[] }): ReactElement {
  const job = useStore((s) => s.bulkCheck);
  const allIds = useStore((s) => s.credentials);
  const running = job?.state === 'running' || job?.state === 'cancelling';
  const active = allIds.filter((c) => c.status === 'active').map((c) => c.id);

  return (
    <div className="bulk-check">
      <span className="toolbar" role="toolbar" aria-label="Check tokens">
        <Button
          className="button button-small"
          busy={running}
          unavailable={shownIds.length === 0}
          onClick={() => void useStore.getState().checkMany(shownIds)}
        >
          <Icon name="search" />
          Check visible ({shownIds.length.toLocaleString()})
        </Button>
        <Button
          className="button button-small"
          busy={running}
          unavailable={active.length === 0}
          onClick={() => void useStore.getState().checkMany(active)}
        >
          Check all ({active.length.toLocaleString()})
        </Button>
      </span>
      {job ? (
        <div className="bulk-progress" role="status" aria-live="polite">
          <progress max={Math.max(job.total, 1)} value={job.done} aria-label="Checked so far" />
          <span>
            {job.state === 'running'
              ? `Checking… ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`
              : job.state === 'cancelling'
                ? 'Cancelling…'
                : job.state === 'cancelled'
                  ? `Cancelled after ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`
                  : `Checked ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`}
          </span>
          {running ? (
            <Button
              className="button button-small"
              busy={job.state === 'cancelling'}
              onClick={() => void useStore.getState().cancelCheck()}
            >
              Cancel
            </Button>
          ) : (
            <button type="button" className="button button-small" onClick={() => useStore.getState().dismissCheck()}>
              Dismiss
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
