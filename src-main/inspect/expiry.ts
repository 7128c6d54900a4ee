// When a credential expires, read against main's clock: main owns this judgement (and, with
// inspection, the verdicts), so the renderer only shows what it is told.
import { EXPIRING_SOON_DAYS, type ExpiryState } from '@shared/vocabulary';

const DAY_MS = 86_400_000;

export function expiryState(
  expiresAtMs: number | null,
  nowMs: number,
  soonDays: number = EXPIRING_SOON_DAYS,
): ExpiryState {
  if (expiresAtMs === null) return 'none';
  const left = expiresAtMs - nowMs;
  if (left <= 0) return 'expired';
  return left <= soonDays * DAY_MS ? 'soon' : 'valid';
}
