// The charge form: a sandbox credential that can charge (production ones are not offered, and main
// refuses them anyway), amount, currency, a documented scenario, and the idempotency key made here.
// Send uses the key shown; after a send the next charge gets a new key, and "Retry with the same
// key" resends the last attempt exactly (main reuses its key and card token).
import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { CHARGE_SCENARIOS, type ChargeScenario } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import { kindLabel, providerLabel } from '../../lib/format';
import { Button } from '../../ui/Button';
import { CURRENCIES, KEY_RULES, SCENARIO_LABELS, toMinorUnits } from './scenarios';

/** Sandbox credentials main can charge with. */
export function chargeable(list: readonly CredentialView[]): CredentialView[] {
  return list.filter(
    (c) =>
      c.status === 'active' &&
      c.environment === 'sandbox' &&
      (c.kind === 'access_token' || (c.provider === 'clover' && c.kind === 'ecommerce_private_key')),
  );
}

export function ChargeForm(): ReactElement {
  const credentials = useStore((s) => s.credentials);
  const busy = useStore((s) => s.chargeBusy);
  const options = useMemo(() => chargeable(credentials), [credentials]);
  const [credentialId, setCredentialId] = useState('');
  const chosen = options.find((c) => c.id === credentialId) ?? options[0];
  const provider = chosen?.provider ?? 'square';
  const [amount, setAmount] = useState('1.00');
  const [currency, setCurrency] = useState<string>('USD');
  const [scenarioChoice, setScenario] = useState<ChargeScenario | ''>('');
  const scenarios = CHARGE_SCENARIOS[provider] as readonly ChargeScenario[];
  const scenario = scenarios.includes(scenarioChoice as ChargeScenario) ? scenarioChoice : scenarios[0]!;
  const [locationId, setLocationId] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const minor = toMinorUnits(amount);

  async function send(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!chosen || minor === null) return;
    const sent = await useStore.getState().sendCharge({
      credentialId: chosen.id,
      amount: minor,
      currency,
      scenario: scenario as ChargeScenario,
      idempotencyKey: key,
      ...(provider === 'square' && locationId.trim() ? { locationId: locationId.trim() } : {}),
    });
    // The key now belongs to that attempt (Retry reuses it); a new charge needs a new one.
    if (sent) setKey(crypto.randomUUID());
  }

  if (options.length === 0) {
    return (
      <p className="muted charge-empty">
        No sandbox access token is saved yet. Add a Clover or Square sandbox access token on the Credentials screen;
        production credentials are never offered here.
      </p>
    );
  }

  return (
    <form className="charge-form" onSubmit={(e) => void send(e)} aria-labelledby="charge-form-title">
      <h2 id="charge-form-title">New test charge</h2>
      <div className="charge-grid">
        <label className="field">
          <span className="field-label">Sandbox credential</span>
          <select value={chosen?.id ?? ''} onChange={(e) => setCredentialId(e.target.value)}>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} — {providerLabel(c.provider)} {kindLabel(c.kind).toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Amount</span>
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={minor === null || undefined}
            aria-describedby={minor === null ? 'amount-error' : undefined}
          />
          {minor === null ? (
            <span id="amount-error" className="field-error">
              Enter an amount such as 1.00 (at most two decimals).
            </span>
          ) : null}
        </label>
        <label className="field">
          <span className="field-label">Currency</span>
          <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Scenario</span>
          <select value={scenario} onChange={(e) => setScenario(e.target.value as ChargeScenario)}>
            {scenarios.map((s) => (
              <option key={s} value={s}>
                {SCENARIO_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {provider === 'square' ? (
          <label className="field">
            <span className="field-label">Location ID (optional: the seller&apos;s main location)</span>
            <input type="text" className="mono" value={locationId} onChange={(e) => setLocationId(e.target.value)} />
          </label>
        ) : null}
      </div>
      <div className="charge-key">
        <span className="field-label" id="key-label">
          Idempotency key (made here; not a secret)
        </span>
        <code className="mono" aria-labelledby="key-label">
          {key}
        </code>
        <button type="button" className="button button-small" onClick={() => setKey(crypto.randomUUID())}>
          New key
        </button>
        <p className="muted">{KEY_RULES[provider]}</p>
      </div>
      <div className="toolbar">
        <Button type="submit" className="button button-primary" busy={busy === 'send'} unavailable={minor === null}>
          {busy === 'send' ? 'Sending…' : 'Send test charge'}
        </Button>
      </div>
    </form>
  );
}
