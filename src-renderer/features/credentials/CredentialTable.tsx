// The table of confirmed credentials: the filter bar (text, chips, sort preset, grouping, bulk
// check, export), sortable columns (aria-sort), and per row Details, Rename (inline), Copy (menu),
// Delete (dialog). A row whose keychain item the last keychain check did not find is marked
// "Missing from keychain" under its label.
// Rows are virtualised (@tanstack/react-virtual): only those in view are in the DOM, so 5,000
// credentials scroll without a "Show more" (npm run bench times the first screenful and filtering).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CredentialView } from '@shared/contract';
import { FOCUS } from '../../app/appSlice';
import { useStore } from '../../app/store';
import { useWriteLock } from '../../app/writeLock';
import { credentialStatus, formatDate, formatDateTime, kindLabel, relativeTime } from '../../lib/format';
import { EnvironmentBadge, MissingBadge, ProviderMark, StatusBadge, VerdictBadge } from '../../ui/Badges';
import { RowButton } from '../../ui/RowButton';
import { CopyMenu } from './CopyMenu';
import { DeleteDialog } from './DeleteDialog';
import { RenameForm } from './RenameForm';
import { filterCredentials, groupByMerchant, sortCredentials, summarize, type SortKey } from './table/filter';
import { FilterBar } from './table/FilterBar';
import { useMissingIds } from './useMissingIds';
import './credential-table.css';
import './table/table-tools.css';

/** Below this many rows every row is rendered (no virtualisation to get in the way of small lists). */
const VIRTUAL_FROM = 150;
const COLUMNS = 8; // for a group header's colSpan

type Item = { type: 'group'; merchantId: string | null; count: number } | { type: 'row'; c: CredentialView };

export function CredentialTable({ credentials }: { credentials: CredentialView[] }): ReactElement {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CredentialView | null>(null);
  const missing = useMissingIds();
  const lock = useWriteLock().reason; // read once here, not once per row
  const filter = useStore((s) => s.tableFilter);
  const sort = useStore((s) => s.tableSort);
  const grouped = useStore((s) => s.groupByMerchant);
  const warnDays = useStore((s) => s.settings?.expiryWarningDays ?? 7);
  // "Now" moves with the list (a reload re-reads expiry), not on every render.
  const now = useMemo(() => Date.now(), [credentials]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = useMemo(
    () => sortCredentials(filterCredentials(credentials, filter, now, warnDays), sort),
    [credentials, filter, now, warnDays, sort],
  );
  const summary = useMemo(() => summarize(credentials, now, warnDays), [credentials, now, warnDays]);
  const items = useMemo<Item[]>(
    () =>
      grouped
        ? groupByMerchant(shown).flatMap((g) => [
            { type: 'group' as const, merchantId: g.merchantId, count: g.rows.length },
            ...g.rows.map((c) => ({ type: 'row' as const, c })),
          ])
        : shown.map((c) => ({ type: 'row' as const, c })),
    [shown, grouped],
  );
  const shownIds = useMemo(() => shown.map((c) => c.id), [shown]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = items.length >= VIRTUAL_FROM;
  // We do not use the React Compiler; the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 58,
    overscan: 12,
    initialRect: { width: 1200, height: 700 },
    enabled: virtual,
  });
  const scrollTo = useCallback((i: number) => v.scrollToIndex(i, { align: 'center' }), [v]);
  useFocusOnRow(items, scrollTo);

  const vItems = virtual ? v.getVirtualItems() : [];
  // Before the scroller has a size (first paint, or no layout at all) the virtualizer has no range:
  // show the first rows rather than none.
  const rendered =
    !virtual || vItems.length === 0
      ? items.slice(0, virtual ? 40 : items.length).map((item, index) => ({ item, index }))
      : vItems.map((x) => ({ item: items[x.index]!, index: x.index }));
  const padTop = virtual && vItems.length ? vItems[0]!.start : 0;
  const padBottom = virtual && vItems.length ? v.getTotalSize() - vItems[vItems.length - 1]!.end : 0;

  return (
    <>
      <FilterBar shownIds={shownIds} total={credentials.length} summary={summary} />
      {shown.length === 0 ? (
        <p className="muted table-placeholder">No credential matches these filters.</p>
      ) : (
        <div className={`table-wrap${virtual ? ' table-virtual' : ''}`} ref={scroller}>
          <table className="table credentials-table" aria-label="Credentials" aria-rowcount={items.length + 1}>
            <thead>
              <tr>
                <SortHeader k="label" label="Label" />
                <SortHeader k="status" label="Status" />
                <SortHeader k="verdict" label="Last check" />
                <SortHeader k="provider" label="Credential" />
                <SortHeader k="environment" label="Environment" />
                <SortHeader k="fingerprint" label="Fingerprint" />
                <SortHeader k="added" label="Added" className="col-added" />
                <SortHeader k="expires" label="Expires" />
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 ? (
                <tr aria-hidden="true" className="pad-row">
                  <td colSpan={COLUMNS + 1} style={{ height: padTop }} />
                </tr>
              ) : null}
              {rendered.map(({ item, index }) =>
                item.type === 'group' ? (
                  <tr
                    key={`group-${item.merchantId ?? 'none'}`}
                    className="group-row"
                    aria-rowindex={index + 2}
                    data-index={index}
                    ref={virtual ? v.measureElement : undefined}
                  >
                    <th scope="colgroup" colSpan={COLUMNS + 1}>
                      {item.merchantId ? `Merchant ${item.merchantId}` : 'No merchant known'} · {item.count}
                    </th>
                  </tr>
                ) : (
                  <Row
                    key={item.c.id}
                    index={index}
                    measure={virtual ? v.measureElement : undefined}
                    credential={item.c}
                    missing={missing.has(item.c.id)}
                    lock={lock}
                    renaming={renaming === item.c.id}
                    onRename={() => setRenaming(item.c.id)}
                    onRenameDone={() => {
                      setRenaming(null);
                      useStore.getState().requestFocus(FOCUS.credential(item.c.id)); // back to the row, not <body>
                    }}
                    onDelete={() => setDeleting(item.c)}
                  />
                ),
              )}
              {padBottom > 0 ? (
                <tr aria-hidden="true" className="pad-row">
                  <td colSpan={COLUMNS + 1} style={{ height: padBottom }} />
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
      {deleting ? (
        <DeleteDialog
          credential={deleting}
          focusAfter={focusAfterDelete(shown, deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}

/** A column header that sorts: first press ascending, the next descending (aria-sort says which). */
function SortHeader({ k, label, className }: { k: SortKey; label: string; className?: string }): ReactElement {
  const sort = useStore((s) => s.tableSort);
  const active = sort.key === k;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => useStore.getState().setTableSort({ key: k, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** After a delete: the next row, else the previous one, else the screen. */
function focusAfterDelete(rows: readonly CredentialView[], id: string): string {
  const i = rows.findIndex((r) => r.id === id);
  const next = rows[i + 1] ?? rows[i - 1];
  return next ? FOCUS.credential(next.id) : FOCUS.main;
}

const ROW_PREFIX = FOCUS.credential('');

/**
 * Takes a focus request for one row (after confirming a credential) with one subscription for all
 * rows; a virtualised row out of view is scrolled in first.
 */
function useFocusOnRow(items: readonly Item[], scrollTo: (index: number) => void): void {
  const request = useStore((s) => (s.focusRequest?.startsWith(ROW_PREFIX) ? s.focusRequest : null));
  useEffect(() => {
    if (!request) return;
    const id = request.slice(ROW_PREFIX.length);
    const focus = (): boolean => {
      const cell = document.getElementById(`row-${id}`);
      cell?.focus();
      return cell !== null;
    };
    if (focus()) return void useStore.getState().requestFocus(null);
    const index = items.findIndex((it) => it.type === 'row' && it.c.id === id);
    if (index < 0) return void useStore.getState().requestFocus(FOCUS.main); // filtered out: the screen takes it
    scrollTo(index);
    const frame = requestAnimationFrame(() => useStore.getState().requestFocus(focus() ? null : FOCUS.main));
    return () => cancelAnimationFrame(frame);
  }, [request, items, scrollTo]);
}

function Row({
  measure,
  ...props
}: {
  index: number;
  /** The virtualizer's row measurement (a ref callback), when virtualised. */
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
  credential: CredentialView;
  missing: boolean;
  /** Why writes are turned off, or null. */
  lock: string | null;
  renaming: boolean;
  onRename(): void;
  onRenameDone(): void;
  onDelete(): void;
}): ReactElement {
  const { credential: c, renaming } = props;
  const busy = useStore((s) => s.busy[c.id]) !== undefined;
  const selected = useStore((s) => s.selectedId === c.id);
  const { lock } = props;
  return (
    <tr
      ref={measure}
      data-index={props.index}
      aria-rowindex={props.index + 2}
      aria-busy={busy}
      className={
        [c.environment === 'production' ? 'row-production' : '', selected ? 'row-selected' : ''].join(' ').trim() ||
        undefined
      }
    >
      <th scope="row" className="cell-label" id={`row-${c.id}`} tabIndex={-1}>
        {renaming ? (
          <RenameForm credential={c} onDone={props.onRenameDone} />
        ) : (
          <span className="label-text">{c.label}</span>
        )}
        {c.merchantId ? <span className="cell-sub">Merchant {c.merchantId}</span> : null}
        {c.appId ? <span className="cell-sub">App {c.appId}</span> : null}
        {c.locationId ? <span className="cell-sub">Location {c.locationId}</span> : null}
        {/* Under the label, where the row is named and always in view. */}
        {props.missing ? (
          <span className="cell-flag">
            <MissingBadge />
          </span>
        ) : null}
      </th>
      <td>
        <StatusBadge status={credentialStatus(c)} />
      </td>
      <td className="nowrap">
        <VerdictBadge verdict={c.verdict} />
        {c.lastCheckedAt ? <span className="cell-sub">{relativeTime(c.lastCheckedAt)}</span> : null}
      </td>
      <td className="nowrap">
        <ProviderMark provider={c.provider} />
        <span className="cell-sub">{kindLabel(c.kind)}</span>
      </td>
      <td>
        <EnvironmentBadge environment={c.environment} />
      </td>
      <td>
        <span className="mono fingerprint">{c.fingerprint}</span>
      </td>
      <td className="nowrap col-added" title={formatDateTime(c.addedAt)}>
        {formatDate(c.addedAt)}
      </td>
      <td className="nowrap">
        {c.expiresAt ? (
          <span title={formatDateTime(c.expiresAt)}>
            {formatDate(c.expiresAt)}
            <span className="cell-sub">{relativeTime(c.expiresAt)}</span>
          </span>
        ) : (
          <span className="muted" aria-label="No expiry known">
            —
          </span>
        )}
      </td>
      <td className="col-actions">
        {renaming ? null : (
          <div className="row-actions">
            <RowButton
              name="Details"
              label={c.label}
              icon="info"
              onClick={() => useStore.getState().selectCredential(c.id)}
              disabled={false}
            />
            <RowButton
              name="Rename"
              label={c.label}
              icon="pencil"
              onClick={props.onRename}
              busy={busy}
              disabled={lock !== null}
              reason={lock}
            />
            <CopyMenu credential={c} disabled={busy} />
            <RowButton
              name="Delete"
              label={c.label}
              icon="trash"
              danger
              onClick={props.onDelete}
              busy={busy}
              disabled={lock !== null}
              reason={lock}
            />
          </div>
        )}
      </td>
    </tr>
  );
}
