// What a Square token's scopes let it do, in plain words (square-api.md §2, §8 and the OAuth
// scope descriptions in Square's OpenAPI). The judgement is about the combination and about the
// token leaving a server, not about any one scope.
import type { Environment, RiskLevel } from '@shared/vocabulary';

export interface Risk {
  level: RiskLevel;
  text: string;
}

/** What Merchant Keychain itself uses: inspection (business name, locations) and test payments. */
export const SCOPES_THIS_APP_USES = ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'] as const;

const SPECIFIC: Record<string, Risk> = {
  PAYMENTS_WRITE_ADDITIONAL_RECIPIENTS: {
    level: 'warning',
    text: 'PAYMENTS_WRITE_ADDITIONAL_RECIPIENTS lets it send part of each payment to other Square accounts.',
  },
  PAYMENTS_WRITE_SHARED_ONFILE: {
    level: 'warning',
    text: 'PAYMENTS_WRITE_SHARED_ONFILE lets it charge cards on file that were saved for other sellers.',
  },
  BANK_ACCOUNTS_READ: { level: 'warning', text: "BANK_ACCOUNTS_READ lets it read the seller's bank account details." },
  CUSTOMERS_WRITE: {
    level: 'warning',
    text: "CUSTOMERS_WRITE lets it create, change and delete buyers' customer records.",
  },
  EMPLOYEES_WRITE: { level: 'warning', text: "EMPLOYEES_WRITE lets it change the seller's staff records." },
};

const isWrite = (s: string): boolean => /_(WRITE|CREATE|UPDATE)(_|$)|MANAGEMENT/.test(s);

export function scopeRisks(o: { scopes: readonly string[]; personal: boolean; environment: Environment }): Risk[] {
  const has = (s: string): boolean => o.personal || o.scopes.includes(s);
  const risks: Risk[] = [];
  if (o.personal) {
    risks.push({
      level: 'danger',
      text:
        'Personal access token: full access to the whole Square account, and it never expires. Square ' +
        'says never to ask a seller for one; keep it out of apps, browsers and shared files.',
    });
  }
  if (has('CUSTOMERS_READ') && has('PAYMENTS_WRITE')) {
    risks.push({
      level: 'danger',
      text:
        'With CUSTOMERS_READ and PAYMENTS_WRITE it can look a buyer up (by email, say) and charge a card ' +
        'they saved: it must never leave a server.',
    });
  }
  if (o.environment === 'production' && has('PAYMENTS_WRITE')) {
    risks.push({ level: 'danger', text: 'It can take and refund real money (production PAYMENTS_WRITE).' });
  }
  if (o.personal) return risks;
  for (const s of o.scopes) {
    const r = SPECIFIC[s];
    if (r) risks.push(r);
  }
  const extra = o.scopes.filter((s) => !(SCOPES_THIS_APP_USES as readonly string[]).includes(s));
  if (extra.length > 0) {
    const writes = extra.filter(isWrite);
    const list = extra.slice(0, 8).join(', ') + (extra.length > 8 ? ` and ${extra.length - 8} more` : '');
    risks.push({
      level: writes.length > 0 ? 'warning' : 'info',
      text:
        `${extra.length} scope${extra.length === 1 ? '' : 's'} beyond inspecting and test payments ` +
        `(${list}). If its use needs fewer, ask the seller for fewer.`.slice(0, 300),
    });
  }
  if (!o.scopes.includes('MERCHANT_PROFILE_READ')) {
    risks.push({
      level: 'info',
      text: 'Without MERCHANT_PROFILE_READ its business name and locations cannot be read.',
    });
  }
  if (!o.scopes.includes('PAYMENTS_WRITE')) {
    risks.push({ level: 'info', text: 'Without PAYMENTS_WRITE it cannot take test payments.' });
  }
  return risks.slice(0, 20);
}
