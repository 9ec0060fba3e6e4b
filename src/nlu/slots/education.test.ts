import { describe, expect, it } from 'vitest';
import { queryFromUnderstanding } from '../../catalogue/query';
import { understand } from '../understand';

describe('an education said in English', () => {
  it.each([
    "I'm 24 and I finished high school, caregiver in Japan",
    'graduated from SMK, looking for a welding course in surabaya',
    'I completed senior high school, any free course?',
  ])('is a fact, its verb no search word: %s', (text) => {
    const query = queryFromUnderstanding(understand(text));
    expect(query.person?.education).toBe('SMA');
    expect(JSON.stringify(query)).not.toMatch(/finished|graduated|completed|"from"/);
  });
});
