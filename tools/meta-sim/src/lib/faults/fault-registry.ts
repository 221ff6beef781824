import { faultError, GraphError } from '../graph/graph-error';

export interface FaultSpec {
  /** Matched against `METHOD /path` (path without host prefix and version, e.g. `POST /104825791234560/messages`). Glob (`*` = anything) or a regular expression prefixed with `re:`. */
  pattern: string;
  /** Meta error code to return (4, 17, 32, 190, 613, 80001, 80002, 80006, 1, 2, ...). */
  code?: number;
  subcode?: number;
  message?: string;
  /** HTTP status; defaults per code (5xx with code 1/2). */
  httpStatus?: number;
  /** Probability 0..1 that a matching call fails (default 1). */
  rate?: number;
  /** Added latency before answering. */
  latencyMs?: number;
  /** Never answer (client sees a timeout). */
  timeout?: boolean;
  /** Only the next N matching calls (default unlimited). */
  times?: number;
  /** Minutes for estimated_time_to_regain_access on BUC throttling errors. */
  regainAccessMinutes?: number;
  /** Active for this long from now, then gone ("5xx for a minute"). */
  durationMs?: number;
  /**
   * Do the call first, then fail the answer (error, latency or timeout): Meta acted (a message went out,
   * its echo follows) but the client never learns it. Without it the fault fires before anything happens.
   */
  afterHandling?: boolean;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  hits: number;
  /** Epoch ms after which the fault no longer fires (from `durationMs`). */
  expiresAt?: number;
}

export interface FaultDecision {
  fault: ActiveFault;
  error?: GraphError;
}

function toRegex(pattern: string): RegExp {
  if (pattern.startsWith('re:')) return new RegExp(pattern.slice(3));
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^(?:[A-Z]+ )?${escaped}$`);
}

/** Fault injection per endpoint pattern (error rate, latency, specific codes, timeouts, next-N). */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private seq = 0;
  /** Deterministic pseudo-random source so error rates are reproducible. */
  private rng = 42;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: ++this.seq, hits: 0, ...(spec.durationMs !== undefined ? { expiresAt: Date.now() + spec.durationMs } : {}) };
    toRegex(spec.pattern); // validate early
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    this.dropExpired();
    return [...this.faults];
  }

  private dropExpired(now = Date.now()): void {
    this.faults = this.faults.filter((f) => f.expiresAt === undefined || f.expiresAt > now);
  }

  remove(id?: number): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  private random(): number {
    this.rng = (this.rng * 1103515245 + 12345) % 2147483648;
    return this.rng / 2147483648;
  }

  /** Finds the first fault that fires for this call; consumes one of its `times`. */
  match(method: string, path: string): FaultDecision | undefined {
    const subject = `${method} ${path}`;
    this.dropExpired();
    for (const fault of this.faults) {
      if (!toRegex(fault.pattern).test(subject) && !toRegex(fault.pattern).test(path)) continue;
      if (fault.times !== undefined && fault.hits >= fault.times) continue;
      if (this.random() >= (fault.rate ?? 1)) continue;
      fault.hits++;
      const error =
        fault.code !== undefined
          ? faultError(fault.code, fault.subcode, fault.message, fault.httpStatus)
          : fault.httpStatus && fault.httpStatus >= 500
            ? faultError(2, undefined, fault.message, fault.httpStatus)
            : undefined;
      if (fault.times !== undefined && fault.hits >= fault.times) {
        this.faults = this.faults.filter((f) => f !== fault);
      }
      return { fault, error };
    }
    return undefined;
  }
}
