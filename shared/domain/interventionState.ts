import { z } from 'zod';
import { isoDaySchema } from './partialDate';
import { problem } from './issues';
import { lineText } from './text';

// The life of an intervention: drafted, sent, acknowledged, the government
// replied, an opinion or decision adopted (with its number), closed. Each step
// is dated and kept; the core refuses a step back or a date before the last
// step's. The states are terms of the `intervention-status` vocabulary, which
// also has `no-response` (set by an edit when the time to reply ran out) and
// may have an organisation's own terms.

export const INTERVENTION_STATES = [
  'draft',
  'sent',
  'acknowledged',
  'response-received',
  'decision-issued',
  'closed',
] as const;
export type InterventionState = (typeof INTERVENTION_STATES)[number];

/** The states a step may move to: every one but the first. */
export type InterventionStepState = Exclude<InterventionState, 'draft'>;
export const INTERVENTION_STEPS = INTERVENTION_STATES.slice(1) as InterventionStepState[];

/** Where a status stands in the order; `no-response` sits between acknowledged and a reply. */
function rank(status: string): number | null {
  if (status === 'no-response') return 2.5;
  const index = (INTERVENTION_STATES as readonly string[]).indexOf(status);
  return index < 0 ? null : index;
}

/**
 * Why an intervention in `from` cannot move to `to`, or null when it can:
 * only forward (skipping is allowed: the WGAD may adopt an opinion the
 * government never answered), never out of `closed`. From a status outside
 * the order (an organisation's own term) any step is allowed.
 */
export function transitionProblem(from: string, to: InterventionStepState): string | null {
  const code = transitionProblemCode(from, to);
  if (code === 'step-closed') return 'it is closed; a closed intervention does not move again';
  if (code === null) return null;
  return from === to ? `it is already ${to}` : `it is ${from}, which comes after ${to}`;
}

/** The same as a stable code, which front-ends word in their language. */
export function transitionProblemCode(
  from: string,
  to: InterventionStepState,
): 'step-closed' | 'step-not-forward' | null {
  if (from === 'closed') return 'step-closed';
  const a = rank(from);
  const b = rank(to)!;
  return a === null || b > a ? null : 'step-not-forward';
}

/** The steps an intervention in `from` may take, in order. */
export function nextSteps(from: string): InterventionStepState[] {
  return INTERVENTION_STEPS.filter((s) => transitionProblem(from, s) === null);
}

/** One step: the state moved to, on which day, and for a decision its number. */
export const interventionStepSchema = z
  .object({
    state: z.enum(INTERVENTION_STEPS as [InterventionStepState, ...InterventionStepState[]]),
    on: isoDaySchema,
    /** The opinion's or decision's number ("Opinion No. 45/2016"); only for decision-issued. */
    number: lineText.optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const number = step.number?.trim() ?? '';
    if (step.state === 'decision-issued' && !number)
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message:
          'is required: an opinion or decision is recorded with its number (e.g. "Opinion No. 45/2016")',
        params: problem('required'),
      });
    if (step.state !== 'decision-issued' && number)
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'is only for an opinion or decision (decision-issued)',
      });
  });
export type InterventionStepInput = z.input<typeof interventionStepSchema>;
export type InterventionStep = z.output<typeof interventionStepSchema>;

/** One dated step as kept. The first may carry a partial date (the date sent) or none. */
export interface InterventionStepRecord {
  position: number;
  state: string;
  on: string | null;
  number: string;
  actor: string;
  recordedAt: string;
}
