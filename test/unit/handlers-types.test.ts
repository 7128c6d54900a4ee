// combineHandlers only compiles when every channel is handled exactly once. The type errors are
// the test (npm test type-checks this file); the runtime part checks what the call returns.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@shared/contract';
import { combineHandlers, type HandlerPart, type Handlers } from '../../src-main/ipc/handlers';

const everything = Object.fromEntries(CHANNELS.map((c) => [c, () => ({})])) as unknown as Handlers;
const { 'settings.get': settingsGet, ...allButSettingsGet } = everything;
const onlySettingsGet: HandlerPart<'settings.get'> = { 'settings.get': settingsGet };

describe('combineHandlers', () => {
  it('accepts parts that cover every channel once', () => {
    const combined = combineHandlers(allButSettingsGet as Omit<Handlers, 'settings.get'>, onlySettingsGet);
    expect(Object.keys(combined).sort()).toEqual([...CHANNELS].sort());
  });

  it('does not compile when a channel is missing or handled twice', () => {
    // @ts-expect-error settings.get has no handler
    const missing = combineHandlers(allButSettingsGet as Omit<Handlers, 'settings.get'>);
    // @ts-expect-error settings.get is handled by two parts
    const twice = combineHandlers(everything, onlySettingsGet);
    // What the compiler refuses would, at run time, leave a channel unhandled or silently shadowed.
    expect(Object.hasOwn(missing, 'settings.get')).toBe(false);
    expect(twice['settings.get']).toBe(settingsGet);
  });
});
