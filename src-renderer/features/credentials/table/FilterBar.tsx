// The filter bar above the credentials table: free text (Ctrl/Cmd+F or "/" puts focus here), chips
// for vendor, environment and health, the "Soonest expiry" preset, grouping by merchant, the count
// ("12 of 1,000") and the summary line; then Check visible / Check all and the redacted exports.
import { useEffect, useRef, type ReactElement } from 'react';
import type { Environment, Provider } from '@shared/vocabulary';
import { useStore } from '../../../app/store';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import { DEFAULT_SORT, HEALTH_CHIPS, SOONEST_EXPIRY, type HealthChip } from './filter';
import { BulkCheckBar } from './BulkCheckBar';

const HEALTH_LABELS: Record<HealthChip, string> = {
  expired: 'Expired',
  soon: 'Expiring soon',
  invalid: 'Invalid',
  unchecked: 'Unchecked',
};

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function FilterBar(props: { shownIds: string[]; total: number; summary: string }): ReactElement {
  const f = useStore((s) => s.tableFilter);
  const sort = useStore((s) => s.tableSort);
  const group = useStore((s) => s.groupByMerchant);
  const set = useStore((s) => s.setTableFilter);
  const search = useRef<HTMLInputElement>(null);

  // Ctrl/Cmd+F or "/" (outside a text field) finds: focus goes to the search box.
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const inField = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') || (e.key === '/' && !inField)) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const chip = (pressed: boolean, label: string, onClick: () => void): ReactElement => (
    <button key={label} type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {pressed ? <Icon name="check" size={13} /> : null}
      {label}
    </button>
  );
  const filtered = f.text !== '' || f.providers.length + f.environments.length + f.health.length > 0;
  const soonest = sort.key === SOONEST_EXPIRY.key && sort.dir === SOONEST_EXPIRY.dir;

  return (
    <div className="filter-bar" role="search" aria-label="Find credentials">
      <div className="filter-row">
        <label className="field filter-search">
          <span className="visually-hidden">Search credentials</span>
          <input
            ref={search}
            type="text"
            value={f.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder="Search label, merchant, app, location or fingerprint (Ctrl+F or /)"
            aria-keyshortcuts="Control+F /"
          />
        </label>
        <span className="filter-count" aria-live="polite">
          {props.shownIds.length.toLocaleString()} of {props.total.toLocaleString()}
        </span>
        {filtered ? (
          <button type="button" className="button button-small" onClick={() => useStore.getState().clearTableFilter()}>
            Clear filters
          </button>
        ) : null}
      </div>
      <div className="filter-row chips" role="group" aria-label="Filters">
        {(['clover', 'square'] as Provider[]).map((p) =>
          chip(f.providers.includes(p), p === 'clover' ? 'Clover' : 'Square', () =>
            set({ providers: toggle(f.providers, p) }),
          ),
        )}
        <span className="chip-sep" aria-hidden="true" />
        {(['sandbox', 'production'] as Environment[]).map((e) =>
          chip(f.environments.includes(e), e === 'sandbox' ? 'Sandbox only' : 'Production', () =>
            set({ environments: toggle(f.environments, e) }),
          ),
        )}
        <span className="chip-sep" aria-hidden="true" />
        {HEALTH_CHIPS.map((h) =>
          chip(f.health.includes(h), HEALTH_LABELS[h], () => set({ health: toggle(f.health, h) })),
        )}
        <span className="chip-sep" aria-hidden="true" />
        {chip(soonest, 'Soonest expiry first', () =>
          useStore.getState().setTableSort(soonest ? DEFAULT_SORT : SOONEST_EXPIRY),
        )}
        {chip(group, 'Group by merchant', () => useStore.getState().setGroupByMerchant(!group))}
      </div>
      <p className="filter-summary">{props.summary}</p>
      <div className="filter-row">
        <BulkCheckBar shownIds={props.shownIds} />
        <span className="toolbar" role="toolbar" aria-label="Export">
          <ExportButton format="csv" ids={props.shownIds} />
          <ExportButton format="json" ids={props.shownIds} />
        </span>
      </div>
    </div>
  );
}

function ExportButton({ format, ids }: { format: 'csv' | 'json'; ids: string[] }): ReactElement {
  return (
    <Button
      className="button button-small"
      title="A report with fingerprints only, never a value, of the rows shown"
      onClick={() =>
        void useStore
          .getState()
          .callMain((k) => k.exportReport({ format, ids }))
          .then((r) => {
            if (r?.saved)
              useStore.getState().showNotice({ message: `Report saved: ${r.fileName} (${r.rows} rows).`, details: [] });
          })
      }
    >
      <Icon name="file" />
      Export {format.toUpperCase()}
    </Button>
  );
}
