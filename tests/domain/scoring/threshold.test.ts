import { automaticStageForScore, DEFAULT_MQL_THRESHOLD, thresholdCrossing } from '../../../src/domain/scoring';

describe('the MQL threshold', () => {
  it('is 50 by default', () => {
    expect(DEFAULT_MQL_THRESHOLD).toBe(50);
  });

  it('is crossed upwards when a score reaches it and downwards when it falls below', () => {
    expect(thresholdCrossing(45, 50, 50)).toBe('ROSE_TO_THRESHOLD');
    expect(thresholdCrossing(49.9, 63, 50)).toBe('ROSE_TO_THRESHOLD');
    expect(thresholdCrossing(50, 30, 50)).toBe('FELL_BELOW_THRESHOLD');
    expect(thresholdCrossing(50, 60, 50)).toBeNull();
    expect(thresholdCrossing(10, 49, 50)).toBeNull();
  });

  it('moves a LEAD at or above it to MQL automatically', () => {
    expect(automaticStageForScore('LEAD', 50, 50)).toBe('MQL');
    expect(automaticStageForScore('LEAD', 49, 50)).toBeNull();
  });

  it('never moves anyone backwards, nor anyone but a LEAD', () => {
    expect(automaticStageForScore('MQL', 10, 50)).toBeNull();
    expect(automaticStageForScore('SQL', 90, 50)).toBeNull();
    expect(automaticStageForScore('SUBSCRIBER', 90, 50)).toBeNull();
    expect(automaticStageForScore('DISQUALIFIED', 90, 50)).toBeNull();
    expect(automaticStageForScore(null, 90, 50)).toBeNull();
  });
});
