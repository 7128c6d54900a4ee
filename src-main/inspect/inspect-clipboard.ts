// credentials.inspectClipboard ("inspect once", issue #10): a support person checks a token a
// merchant sent without keeping it. Main reads the clipboard, classifies the value and runs the
// vendor's inspection on a transient record that never reaches the keychain or the index.
import { randomUUID } from 'node:crypto';
import type { ResponseOf } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { newRecord } from '../credentials/add-credentials';
import { classify, normaliseSecret } from '../vault/classifier';
import { fingerprint } from '../vault/fingerprint';
import { adapterFor, type Adapters } from './inspect-one';
import { providerContext } from './provider-context';

export function createClipboardInspector(
  d: Pick<CoreDeps, 'http' | 'clock' | 'logger' | 'redaction' | 'store' | 'index' | 'clipboard'>,
  adapters: Adapters,
) {
  return async (): Promise<ResponseOf<'credentials.inspectClipboard'>> => {
    const value = normaliseSecret(await d.clipboard.readText());
    const proposal = classify(value);
    d.redaction.register(value);
    const transient = newRecord({
      id: randomUUID(),
      value,
      proposal,
      source: 'clipboard',
      valueHash: '0'.repeat(64), // never stored, never compared
      at: d.clock().toISOString(),
    });
    // The environment is unknown for most tokens: start in sandbox; the vendor modules try the
    // other host when the first one says no.
    const record = { ...transient, environment: transient.environment ?? 'sandbox', status: 'active' as const };
    const base = providerContext(d);
    const ctx = { ...base, secretOf: async (id: string) => (id === record.id ? value : base.secretOf(id)) };
    const outcome = await adapterFor(adapters, record).inspect(record, ctx);
    d.logger.info('credential.inspected_once', {
      provider: record.provider,
      kind: record.kind,
      verdict: outcome.result.verdict,
    });
    return {
      proposal,
      fingerprint: fingerprint(value),
      result: { ...outcome.result, checkedAt: d.clock().toISOString() },
    };
  };
}
