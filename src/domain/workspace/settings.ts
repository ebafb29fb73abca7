import { DEFAULT_SCORING_RULES, type Decay, type ScoringRule } from '../scoring/rules';
import type { ClickRule, DwellRule } from '../tiers/settings';

/** Workspace settings with their defaults (spec: metrics.md). Stored sparse; `withDefaults` fills the gaps. */
export interface WorkspaceSettings {
  /** Which CTR dashboards call "CTR": unique (messages with a click) or total (clicks with repeats). Both are served. */
  ctrMode: 'UNIQUE' | 'TOTAL';
  /** Read classes: glance < glanceSeconds ≤ skim < deepReadSeconds ≤ deep read. */
  glanceSeconds: number;
  deepReadSeconds: number;
  /** Site domains of the workspace: human clicks landing there count as email-driven traffic. */
  siteDomains: string[];
  /** Days after a click within which a conversion is attributed to the clicked message. */
  attributionWindowDays: number;
  /** A click this soon after delivery is a link scanner's. */
  scannerWindowSeconds: number;
  mqlThreshold: number;
  tierWindowDays: number;
  highClickRate: number;
  /** Scoring rules (spec "Lead score and MQL"); set with updateScoringRules, which re-scores the workspace. */
  scoringRules: ScoringRule[];
  /** How points fade when a rule names no decay of its own. */
  scoreDecay: Decay;
  /** Tier rules (spec "Engagement tiers"); see domain/tiers/settings for why these are alternatives. */
  tierClickRule: ClickRule;
  tierDwellRule: DwellRule;
  /** Overrides of the metric alert thresholds (domain/metrics/alerts.ts DEFAULT_ALERT_THRESHOLDS), by name. */
  alertThresholds: Record<string, number>;
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  ctrMode: 'UNIQUE',
  glanceSeconds: 2,
  deepReadSeconds: 8,
  siteDomains: [],
  attributionWindowDays: 30,
  scannerWindowSeconds: 2,
  mqlThreshold: 50,
  tierWindowDays: 90,
  highClickRate: 0.2,
  scoringRules: [...DEFAULT_SCORING_RULES],
  scoreDecay: { kind: 'NONE' },
  tierClickRule: 'ANY_CLICK',
  tierDwellRule: 'ANY_DEEP_READ',
  alertThresholds: {},
};

export function withDefaults(settings: Partial<WorkspaceSettings> | null | undefined): WorkspaceSettings {
  return { ...DEFAULT_WORKSPACE_SETTINGS, ...(settings ?? {}) };
}
