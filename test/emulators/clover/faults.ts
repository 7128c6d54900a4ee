// Fault injection, switched on by tests per request: `once` hits the next matching request only,
// `always` every matching request until cancelled or `clear()`ed. The first matching rule wins.
import type { CloverEnvironment, Fault, FaultMatch, FaultRule } from './types';

export interface FaultController {
  /** The next request matching `match` gets `fault`; later ones are untouched. */
  once(match: FaultMatch, fault: Fault): FaultRule;
  /** Every request matching `match` gets `fault` until the rule is cancelled or cleared. */
  always(match: FaultMatch, fault: Fault): FaultRule;
  /** Removes every rule. */
  clear(): void;
}

interface Rule extends FaultRule {
  hits: number;
}

export class FaultRegistry implements FaultController {
  private rules: Rule[] = [];

  private add(match: FaultMatch, fault: Fault, once: boolean): FaultRule {
    if (fault.kind === 'delay' && !(fault.ms >= 0)) throw new RangeError('delay fault needs ms >= 0');
    const rule: Rule = {
      match: { ...match },
      fault: { ...fault },
      once,
      hits: 0,
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
    this.rules.push(rule);
    return rule;
  }

  once(match: FaultMatch, fault: Fault): FaultRule {
    return this.add(match, fault, true);
  }

  always(match: FaultMatch, fault: Fault): FaultRule {
    return this.add(match, fault, false);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; a `once` rule is used up by it. */
  take(env: CloverEnvironment, method: string, path: string): Fault | undefined {
    const rule = this.rules.find((r) => matches(r.match, env, method, path));
    if (!rule) return undefined;
    rule.hits++;
    if (rule.once) rule.cancel();
    return rule.fault;
  }
}

function matches(m: FaultMatch, env: CloverEnvironment, method: string, path: string): boolean {
  if (m.environment !== undefined && m.environment !== env) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method) return false;
  if (m.path === undefined) return true;
  if (typeof m.path === 'string') return m.path === path;
  m.path.lastIndex = 0; // a /g or /y RegExp keeps state between tests
  return m.path.test(path);
}

/** Whether the request is handled (side effects happen) before the fault shows. */
export function processedFirst(f: Fault): boolean {
  switch (f.kind) {
    case 'delay':
    case 'truncatedJson':
      return true;
    case 'rateLimit429':
      return false;
    default:
      return (f.when ?? 'after') === 'after';
  }
}
