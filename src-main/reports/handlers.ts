// The reports domain: exporting a redacted credential report (reports.export). Main asks where to
// save it (the renderer never writes files) and writes it atomically.
import path from 'node:path';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { HandlerPart } from '../ipc/handlers';
import { writeFileAtomic } from '../vault/atomic-file';
import { reportRows, toCsv, toJson } from './credential-report';

export function reportHandlers(
  d: Pick<CoreDeps, 'index' | 'clock' | 'logger' | 'dialogs'>,
): HandlerPart<'reports.export'> {
  return {
    'reports.export': async ({ format, ids }) => {
      if (!d.dialogs?.saveFile) throw new AppError('UNSUPPORTED', 'Saving files is not available here.');
      const wanted = ids ? new Set(ids) : null;
      const records = d.index.list().filter((r) => wanted === null || wanted.has(r.id));
      const now = d.clock();
      const stamp = now.toISOString().slice(0, 10);
      const file = await d.dialogs.saveFile({
        title: 'Export credential report',
        defaultName: `merchant-keychain-report-${stamp}.${format}`,
        filters: [{ name: format === 'csv' ? 'CSV' : 'JSON', extensions: [format] }],
      });
      if (file === null) return { saved: false, fileName: null, rows: 0 };
      const rows = reportRows(records, now.getTime(), d.index.settings.expiryWarningDays);
      await writeFileAtomic(file, format === 'csv' ? toCsv(rows) : toJson(rows, now.toISOString()));
      d.logger.info('report.exported', { format, rows: rows.length });
      return { saved: true, fileName: path.basename(file).slice(0, 255), rows: rows.length };
    },
  };
}
