/**
 * The automatic stage moves (spec "Lead and funnel metrics", "Lead score and MQL"): LEAD → MQL when the score
 * reaches the threshold; OPPORTUNITY from a deal (every deal was open from its creation, won or lost since);
 * CUSTOMER when a deal is won. Automatic moves only go forward; at one moment the furthest wins (the stages it
 * skips count as entered with it, history.ts).
 *
 * They are derived, not accumulated: replaying a contact's own history (imported and manual changes), deals
 * and score over time gives the same moves whatever order files arrived in, so re-deriving them on every refresh
 * keeps funnel numbers independent of import order.
 *
 * A move back (by hand, or in the CRM's own history) is respected: after it, only new evidence moves the contact
 * forward again — a deal created or won later, or the score falling below the threshold and reaching it again —
 * so sales' "back to LEAD" is not undone by the next e-mail open.
 */
import type { DealStatus, LifecycleStage } from '../model';
import { isForward, stageRank } from './stages';

export interface DealEvidence {
  name: string | null;
  status: DealStatus;
  createdAt: Date | null;
  closedAt: Date | null;
  /** When the deal row last changed here: the evidence's date when the source gave none. */
  updatedAt: Date;
}

export interface AutomaticStageInputs {
  /** The stage before the first recorded change (a CRM property, or none). */
  initialStage: LifecycleStage | null;
  /** Recorded changes that are not automatic (imported from a source, or made by hand), in time order. */
  history: ReadonlyArray<{ to: LifecycleStage; at: Date }>;
  deals: readonly DealEvidence[];
  /** Moments the score moved (ledger entries up to now), and the score at a moment. */
  scoreMoments: readonly Date[];
  scoreAt: (at: Date) => number;
  threshold: number;
}

export interface AutomaticMove {
  to: LifecycleStage;
  at: Date;
  cause: string;
  source: 'scoring' | 'deal';
}

interface Evidence {
  to: 'OPPORTUNITY' | 'CUSTOMER';
  at: Date;
  cause: string;
}

function dealEvidence(deals: readonly DealEvidence[]): Evidence[] {
  const label = (deal: DealEvidence) => (deal.name ? `"${deal.name}"` : 'without a name');
  return deals.flatMap((deal): Evidence[] => {
    const opened: Evidence = { to: 'OPPORTUNITY', at: deal.createdAt ?? deal.updatedAt, cause: `deal ${label(deal)} opened` };
    if (deal.status !== 'WON') return [opened];
    return [opened, { to: 'CUSTOMER', at: deal.closedAt ?? deal.createdAt ?? deal.updatedAt, cause: `deal ${label(deal)} won` }];
  });
}

const rounded = (score: number) => Math.round(score * 1000) / 1000;

/** The automatic moves a contact's history, deals and score imply, in time order. */
export function automaticMoves(inputs: AutomaticStageInputs): AutomaticMove[] {
  const evidence = dealEvidence(inputs.deals);
  const moments = [...inputs.history.map((change) => change.at), ...evidence.map((item) => item.at), ...inputs.scoreMoments];
  const times = [...new Set(moments.map((at) => at.getTime()))].sort((a, b) => a - b);
  const moves: AutomaticMove[] = [];
  let stage = inputs.initialStage;
  let setBackAt: number | null = null;
  // Whether reaching the threshold counts: always, until a move back; after one, once the score was below it.
  let armed = true;
  let nextChange = 0;
  for (const time of times) {
    const at = new Date(time);
    for (; nextChange < inputs.history.length && inputs.history[nextChange].at.getTime() <= time; nextChange++) {
      const change = inputs.history[nextChange];
      if (stage !== null && change.to !== stage && !isForward(stage, change.to)) {
        setBackAt = change.at.getTime();
        armed = false;
      }
      stage = change.to;
    }
    const candidates: Array<Omit<AutomaticMove, 'at'>> = evidence
      .filter((item) => item.at.getTime() <= time && (setBackAt === null || item.at.getTime() > setBackAt))
      .map((item) => ({ to: item.to, cause: item.cause, source: 'deal' as const }));
    if (stage === 'LEAD' || !armed) {
      const score = rounded(inputs.scoreAt(at));
      if (score < inputs.threshold) armed = true;
      else if (stage === 'LEAD' && armed) {
        candidates.push({ to: 'MQL', cause: `score ${score} reached the MQL threshold ${inputs.threshold}`, source: 'scoring' });
      }
    }
    const best = candidates.filter((move) => stage === null || isForward(stage, move.to)).sort((a, b) => stageRank(b.to) - stageRank(a.to))[0];
    if (best) {
      moves.push({ ...best, at });
      stage = best.to;
    }
  }
  return moves;
}
