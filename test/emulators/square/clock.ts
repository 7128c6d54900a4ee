// The stand-in's clock: token and code expiry read it, so tests expire tokens with advance() instead of sleeping.
export { createClock, type Clock } from '../shared/clock';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** RFC 3339 without milliseconds, as Square writes token expiries ("2022-10-20T22:03:46Z", ref §3). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** With milliseconds, as Square writes payment timestamps ("2021-10-13T21:14:29.577Z", SPEC Payment example). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}
