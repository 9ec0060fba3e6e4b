import { describe, expect, it } from 'vitest';
import { ApplyState, stepOf } from './state';

describe('the application form’s saved state', () => {
  it('reads a state of the current shape as it was saved', () => {
    const saved = { slug: 'las', applicationId: 'a1', field: 'doc:ktp', back: { step: 'review' } };
    expect(ApplyState.parse(saved)).toEqual(saved);
  });

  it('survives older and damaged values: each reads as missing, the rest is kept', () => {
    const parsed = ApplyState.parse({
      slug: 'las',
      applicationId: 7,
      field: 'shoeSize',
      back: { step: 'start', field: 'nik' },
      heardBefore: true,
    });
    expect(parsed).toEqual({
      slug: 'las',
      applicationId: undefined,
      field: undefined,
      back: { step: 'ask', field: 'nik' },
      heardBefore: true,
    });
  });

  it('reads an answer in a step no release knows as a form question', () => {
    expect(stepOf('review')).toBe('review');
    expect(stepOf('start')).toBe('ask');
    expect(stepOf('confirmDelete')).toBe('ask');
  });
});
