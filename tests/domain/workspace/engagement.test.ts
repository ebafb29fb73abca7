import { DEFAULT_SCORING_RULES } from '../../../src/domain/scoring';
import { DEFAULT_TIER_SETTINGS } from '../../../src/domain/tiers';
import { scoringRulesetOf, tierSettingsOf, tierSettingsProblems } from '../../../src/domain/workspace/engagement';
import { withDefaults } from '../../../src/domain/workspace/settings';

describe('engagement rules from workspace settings', () => {
  it('are the spec’s defaults for a workspace that set nothing', () => {
    expect(scoringRulesetOf(withDefaults({}))).toEqual({
      rules: DEFAULT_SCORING_RULES, decay: { kind: 'NONE' }, mqlThreshold: 50, readThresholds: { glanceSeconds: 2, deepReadSeconds: 8 },
    });
    expect(tierSettingsOf(withDefaults({}))).toEqual(DEFAULT_TIER_SETTINGS);
  });

  it('share one deep-read threshold between scoring and tiers', () => {
    const settings = withDefaults({ deepReadSeconds: 15, tierWindowDays: 30, tierClickRule: 'CLICK_RATE' });
    expect(scoringRulesetOf(settings).readThresholds.deepReadSeconds).toBe(15);
    expect(tierSettingsOf(settings)).toMatchObject({ deepReadSeconds: 15, windowDays: 30, clickRule: 'CLICK_RATE' });
  });

  it('refuse tier settings a workspace cannot have meant, saying why', () => {
    expect(tierSettingsProblems(DEFAULT_TIER_SETTINGS)).toEqual([]);
    expect(tierSettingsProblems({ ...DEFAULT_TIER_SETTINGS, windowDays: 2.5, highClickRate: 0, glanceSeconds: 10, deepReadSeconds: 8 })).toEqual([
      'windowDays must be a whole number of days from 1 to 3650 (got 2.5)',
      'highClickRate is a share of delivered messages, more than 0 and at most 1 (got 0)',
      'the glance threshold (10 s) must not exceed the deep-read threshold (8 s)',
    ]);
  });
});
