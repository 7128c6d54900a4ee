// The local Square: a stand-in for Square's APIs, following Square's documentation
// (shared/reference/square-api.md, cited as "ref §N") and Square's own OpenAPI schemas (vendor/).
//
//   const sq = await startSquareEmulator({ latencyMs: 0 });
//   const { app, merchant, personalToken } = seedBasicWorld(sq, 'sandbox');
//   createCore({ endpoints: sq.endpoints(), ... });       // 'square.sandbox' / 'square.production' URLs
//   sq.faults.once({ method: 'POST', path: '/v2/payments' }, { type: 'drop-after' });
//   expect(sq.contractViolations()).toEqual([]);        // every request and response matched Square's schemas
//   await sq.close();
//
// Two listeners (sandbox, production) on 127.0.0.1, one world; credentials never cross environments.
// Control API: types.ts (SquareEmulator). Behaviour, choices and UNCONFIRMED points: README.md.
// This folder never imports the app (src-main): it follows Square, not our client.
export { startSquareEmulator } from './emulator';
export { seedBasicWorld, type BasicWorld } from './fixtures';
export { createContractValidator, squareContract } from './openapi';
export type { ContractValidator, ContractViolation, RequestToCheck, ResponseToCheck } from './openapi';
export { TEST_SOURCES } from './nonces';
export { s256 } from './routes/oauth-token';
export { allScopes } from './spec';
export type * from './types';
