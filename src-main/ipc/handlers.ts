// The handler map's types. Each domain exports its part (`HandlerPart<'credentials.list' | ...>`);
// core.ts combines the parts with combineHandlers, which only compiles when every channel in the
// contract is handled exactly once (test/unit/handlers-types.test.ts proves both ways).
import type { Channel, ParsedRequestOf, ResponseOf } from '@shared/contract';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerPart<C extends Channel> = { [K in C]: Handler<K> };

type Part = Partial<Handlers>;
/** `true` when no channel appears in two parts, else an error type naming the channel. */
type Disjoint<T extends readonly Part[], Seen extends PropertyKey = never> = T extends readonly [
  infer Head extends Part,
  ...infer Rest extends readonly Part[],
]
  ? [keyof Head & Seen] extends [never]
    ? Disjoint<Rest, Seen | keyof Head>
    : { error: 'a channel is handled twice'; channel: keyof Head & Seen }
  : true;
type Covered<T extends readonly Part[]> = T[number] extends infer U ? (U extends Part ? keyof U : never) : never;
type Complete<T extends readonly Part[]> = [Exclude<Channel, Covered<T>>] extends [never]
  ? true
  : { error: 'a channel has no handler'; channel: Exclude<Channel, Covered<T>> };

export function combineHandlers<const T extends readonly Part[]>(
  ...parts: T & (Disjoint<T> extends true ? (Complete<T> extends true ? unknown : Complete<T>) : Disjoint<T>)
): Handlers {
  return Object.assign({}, ...parts) as Handlers;
}
