import type { Fault } from './fault-modes';

/** A fault as GET/PUT /faults show it: `times` is what is left of it (null = until cleared). */
export function faultJson(f: Fault): Record<string, unknown> {
  return {
    scope: f.scope,
    mode: f.mode,
    delay_seconds: f.delaySeconds,
    times: f.timesRemaining,
    updated_at: f.updatedAt.toISOString(),
  };
}
