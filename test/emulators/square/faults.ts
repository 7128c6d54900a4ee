// Fault injection that tests switch on per request: handle.faults.once(match, fault) / .always(...) / .clear().
// The first registered rule that matches wins; a `once` rule is used up by the request it hits.
import type { Environment, Fault, FaultControl, FaultMatch } from './types';

interface Rule {
  match: FaultMatch;
  fault: Fault;
  once: boolean;
}

function matches(m: FaultMatch, env: Environment, method: string, path: string): boolean {
  if (m.environment !== undefined && m.environment !== env) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.path === undefined) return true;
  if (typeof m.path === 'string') return m.path === path;
  m.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
  return m.path.test(path);
}

export class FaultRegistry implements FaultControl {
  private rules: Rule[] = [];

  once(match: FaultMatch, fault: Fault): void {
    this.rules.push({ match, fault: checked(fault), once: true });
  }

  always(match: FaultMatch, fault: Fault): void {
    this.rules.push({ match, fault: checked(fault), once: false });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any (consumes a `once` rule). */
  take(env: Environment, method: string, path: string): Fault | undefined {
    const i = this.rules.findIndex((r) => matches(r.match, env, method, path));
    const rule = this.rules[i];
    if (!rule) return undefined;
    if (rule.once) this.rules.splice(i, 1);
    return rule.fault;
  }
}

function checked(fault: Fault): Fault {
  if (fault.type === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new Error('a delay fault needs ms >= 0');
  }
  return fault;
}
