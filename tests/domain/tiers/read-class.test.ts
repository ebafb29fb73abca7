import { checkReadThresholds, readClassOf } from '../../../src/domain/tiers';

describe('read classes', () => {
  it('are glance under 2 s, skim from 2 s to under 8 s, deep read from 8 s', () => {
    expect(readClassOf(0)).toBe('GLANCE');
    expect(readClassOf(1.99)).toBe('GLANCE');
    expect(readClassOf(2)).toBe('SKIM');
    expect(readClassOf(7.99)).toBe('SKIM');
    expect(readClassOf(8)).toBe('DEEP_READ');
    expect(readClassOf(120)).toBe('DEEP_READ');
  });

  it('are null for a read time never measured', () => {
    expect(readClassOf(null)).toBeNull();
    expect(readClassOf(undefined)).toBeNull();
  });

  it('follow the workspace thresholds', () => {
    expect(readClassOf(8, { glanceSeconds: 3, deepReadSeconds: 15 })).toBe('SKIM');
    expect(readClassOf(2.5, { glanceSeconds: 3, deepReadSeconds: 15 })).toBe('GLANCE');
  });

  it('refuse thresholds where the skim band ends before it starts', () => {
    expect(checkReadThresholds({ glanceSeconds: 10, deepReadSeconds: 8 })).toBe('the glance threshold (10 s) must not exceed the deep-read threshold (8 s)');
    expect(checkReadThresholds({ glanceSeconds: 2, deepReadSeconds: 8 })).toBeNull();
  });
});
