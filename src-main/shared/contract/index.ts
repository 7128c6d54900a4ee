// THE IPC contract: every channel's request and response schema (zod), assembled from one file
// per domain. Main validates both directions (ipc/router.ts); the renderer imports types only.
// Response schemas are strict and carry no field that could hold a secret (DESIGN invariant 1).
// A new channel: add it to its domain's file here, handle it in that domain's handlers.ts, give
// it a named function in ../bridge.ts and a line in README's channel list.
import { z } from 'zod';
import { appChannels } from './app';
import { chargeChannels } from './charges';
import { cloverChannels } from './clover';
import { credentialChannels } from './credentials';
import { graphChannels } from './graph';
import { reportChannels } from './reports';
import { inspectChannels, inspectEvents } from './inspect';
import { squareChannels } from './square';
import type { IpcError } from './errors';
import { Id } from './common';
import { KEYCHAIN_STATES } from '../vocabulary';

export * from './common';
export * from './credentials';
export * from './app';
export * from './errors';
export * from './inspect';
export * from './charges';
export * from './clover';
export * from './graph';
export * from './reports';
export * from './square';

export const contract = {
  ...appChannels,
  ...credentialChannels,
  ...inspectChannels,
  ...chargeChannels,
  ...graphChannels,
  ...reportChannels,
  ...cloverChannels,
  ...squareChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** The request after validation, as a handler receives it. */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export type IpcResult<C extends Channel> = { ok: true; data: ResponseOf<C> } | { ok: false; error: IpcError };

/** Push events from main (core.on); payloads are as strict as responses. */
export const events = {
  'clipboard.cleared': z.strictObject({ reason: z.enum(['timeout', 'quit']) }),
  'credentials.changed': z.strictObject({ ids: z.array(Id).max(1000) }),
  /** The keychain answered differently from the last call (locked, unavailable, back). */
  'keychain.changed': z.strictObject({ state: z.enum(KEYCHAIN_STATES) }),
  ...inspectEvents,
  /** Tokens that need attention (inspect/expiry-notices.ts); the shell raises OS notifications. */
  'expiry.warnings': z.strictObject({
    items: z
      .array(z.strictObject({ credentialId: Id, title: z.string().max(200), body: z.string().max(300) }))
      .max(100),
  }),
} as const;
export type EventName = keyof typeof events;
export type EventOf<E extends EventName> = z.infer<(typeof events)[E]>;
