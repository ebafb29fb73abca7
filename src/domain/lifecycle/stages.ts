/**
 * The lifecycle path and the direction of a move along it (spec "Lead and funnel metrics").
 * SUBSCRIBER → LEAD → MQL → SQL → OPPORTUNITY → CUSTOMER; DISQUALIFIED is off the path.
 */
import { LIFECYCLE_PATH, type LifecycleStage } from '../model';

export type PathStage = (typeof LIFECYCLE_PATH)[number];

/**
 * Who asks for a move. Automatic moves (score crossing the MQL threshold, an engagement rule) only go forward:
 * a falling score never demotes anyone. Manual moves (sales, a mutation) and imported ones (the CRM's own
 * lifecycle stage, which sales set there) may go any direction, DISQUALIFIED included.
 */
export type MoveKind = 'automatic' | 'manual' | 'imported';

export function isPathStage(stage: LifecycleStage): stage is PathStage {
  return (LIFECYCLE_PATH as readonly string[]).includes(stage);
}

/** Position on the path (0 = SUBSCRIBER), or -1 for DISQUALIFIED. */
export function stageRank(stage: LifecycleStage): number {
  return (LIFECYCLE_PATH as readonly string[]).indexOf(stage);
}

/**
 * Whether `to` is further along the path than `from`. A contact with no stage yet (null) moves forward into any
 * path stage. Nothing is forward of or into DISQUALIFIED: it is off the path.
 */
export function isForward(from: LifecycleStage | null, to: LifecycleStage): boolean {
  if (!isPathStage(to)) return false;
  if (from === null) return true;
  return isPathStage(from) && stageRank(to) > stageRank(from);
}

/** Whether a move of this kind is allowed; staying in the same stage is not a move. */
export function canMove(from: LifecycleStage | null, to: LifecycleStage, kind: MoveKind): boolean {
  if (from === to) return false;
  if (kind === 'automatic') return isForward(from, to);
  return true;
}

/** Why a move is refused, in words a user can act on; null when it is allowed. */
export function refusalOf(from: LifecycleStage | null, to: LifecycleStage, kind: MoveKind): string | null {
  if (canMove(from, to, kind)) return null;
  if (from === to) return `the contact is already ${to}`;
  return `an automatic move only goes forward along the path (${LIFECYCLE_PATH.join(' → ')}); moving from ${from} to ${to} must be done by hand`;
}

/**
 * The path stages before `to` that a contact has not entered yet: reaching a later stage means having passed
 * every earlier one (HubSpot allows LEAD → SQL; MQL then counts as entered at the moment of SQL).
 */
export function impliedStages(alreadyEntered: Iterable<LifecycleStage>, to: LifecycleStage): PathStage[] {
  if (!isPathStage(to)) return [];
  const entered = new Set<LifecycleStage>(alreadyEntered);
  return LIFECYCLE_PATH.slice(0, stageRank(to)).filter((stage) => !entered.has(stage));
}
