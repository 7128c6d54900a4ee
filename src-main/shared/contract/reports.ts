// reports.export: a redacted report of the credentials for support staff (issue #10): metadata,
// verdicts and fingerprints only, never a value. Main asks where to save it and writes the file.
import { z } from 'zod';
import { Id } from './common';

export const REPORT_FORMATS = ['csv', 'json'] as const;

export const reportChannels = {
  'reports.export': {
    request: z.strictObject({
      format: z.enum(REPORT_FORMATS),
      /** The rows the user sees (after filters); all credentials when absent. */
      ids: z.array(Id).max(100_000).optional(),
    }),
    response: z.strictObject({
      saved: z.boolean(),
      fileName: z.string().max(255).nullable(),
      rows: z.number().int().nonnegative(),
    }),
  },
} as const;
