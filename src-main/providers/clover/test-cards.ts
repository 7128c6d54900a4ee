// The documented sandbox test cards (clover-api.md §6) behind each charge scenario. Any future
// expiry date and any CVV work for test cards; the expiry is set a few years after main's clock.
import type { ChargeScenario } from '@shared/vocabulary';
import type { CardInput } from './api';

const CARDS: Record<string, { number: string; brand: string; cvv: string; words: string }> = {
  approve: { number: '4242424242424242', brand: 'VISA', cvv: '123', words: 'Visa 4242 (approves)' },
  decline: { number: '4005571702222222', brand: 'VISA', cvv: '123', words: 'Visa 4005 5717 0222 2222 (declines)' },
  partial_approval: {
    number: '4005578003333335',
    brand: 'VISA',
    cvv: '123',
    words: 'Visa 4005 5780 0333 3335 (partial approval, which the Ecommerce API declines)',
  },
  amex_approve: { number: '378282246310005', brand: 'AMEX', cvv: '1234', words: 'Amex 3782 822463 10005 (approves)' },
};

export function testCardFor(scenario: ChargeScenario, now: Date): { card: CardInput; words: string } | null {
  const c = CARDS[scenario];
  if (!c) return null;
  return {
    card: { number: c.number, exp_month: '12', exp_year: String(now.getUTCFullYear() + 3), cvv: c.cvv, brand: c.brand },
    words: c.words,
  };
}
