// Card checks for tokenization and the sandbox test cards (ref §6).

export type CardOutcome = 'approve' | 'partial' | 'decline';

/** ref §6 "Sandbox test cards". Any other valid number is approved (the tokenization example itself
 *  uses a Discover number, 6011361000006668). */
export const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': 'approve',
  '4005578003333335': 'partial', // ref §6: partial approval, which the Ecommerce API declines
  '4005571702222222': 'decline',
  '378282246310005': 'approve', // Amex
  '371449635398431': 'approve', // Amex
  '30569309025904': 'approve', // Diners
};

export const outcomeOf = (number: string): CardOutcome => TEST_CARDS[number] ?? 'approve';

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Brand names as Clover writes them in the token response (ref §6 example: "DISCOVER"). */
export function brandOf(number: string): string | undefined {
  if (/^4/.test(number)) return 'VISA';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'MC';
  if (/^3[47]/.test(number)) return 'AMEX';
  if (/^(6011|65|64[4-9])/.test(number)) return 'DISCOVER';
  if (/^3(0[0-5]|[689])/.test(number)) return 'DINERS_CLUB';
  if (/^35/.test(number)) return 'JCB';
  return undefined;
}

export interface CardInput {
  number: string;
  exp_month: string;
  exp_year: string;
  cvv: string;
  brand: string;
}

export interface CardProblem {
  code: string;
  param: string;
  message: string;
}

/** The token error codes of ref §6, in the order a card is read. `now` decides `expired_card`. */
export function cardProblem(card: CardInput, now: number): CardProblem | undefined {
  const p = (code: string, field: string, message: string): CardProblem => ({ code, param: `card[${field}]`, message });
  if (!/^\d{12,19}$/.test(card.number))
    return p('invalid_number', 'number', 'The card number is not a valid card number.');
  if (!luhnValid(card.number)) return p('incorrect_number', 'number', 'The card number is incorrect.');
  const brand = brandOf(card.number);
  if (!brand || card.brand !== brand)
    return p('invalid_card_type', 'brand', 'The card brand does not match the number.');
  // Strings as in the ref §6 request example ("12", "2030"); two-digit years are refused (stricter).
  if (!/^(0?[1-9]|1[0-2])$/.test(card.exp_month))
    return p('invalid_expiry_month', 'exp_month', 'The expiration month is invalid.');
  if (!/^\d{4}$/.test(card.exp_year)) return p('invalid_expiry_year', 'exp_year', 'The expiration year is invalid.');
  const d = new Date(now);
  const [y, m] = [Number(card.exp_year), Number(card.exp_month)];
  if (y < d.getUTCFullYear() || (y === d.getUTCFullYear() && m < d.getUTCMonth() + 1)) {
    return p('expired_card', 'exp_year', 'The card has expired.');
  }
  // ref §6: "any CVV ... work[s]" for test cards, so only the shape is checked.
  if (!/^\d{3,4}$/.test(card.cvv)) return p('invalid_cvc', 'cvv', 'The CVV is invalid.');
  return undefined;
}
