import { describe, expect, it } from 'vitest';
import { paceText } from '../../src/admin/targets/charts';
import { tFor } from '../../src/i18n';
import type { Target } from '../../src/organisations/targets';

const target = (participants: number | null, deadline: string | null) =>
  ({ participants, deadline }) as unknown as Target;
const t = tFor('id');

describe('the pace of a participants goal against its deadline', () => {
  it('says what is needed per week, that the deadline passed, or nothing', () => {
    expect(paceText(t, 'id', target(100, '2027-01-31'), 40, '2027-01-03')).toBe(
      'Sisa 28 hari sampai tenggat 31 Januari 2027: perlu 60 peserta lagi, sekitar 15 per minggu.',
    );
    expect(paceText(t, 'id', target(100, '2027-01-31'), 40, '2027-02-02')).toBe(
      'Tenggat 31 Januari 2027 sudah lewat; masih kurang 60 peserta.',
    );
    expect(paceText(t, 'id', target(100, '2027-01-31'), 100, '2027-01-03')).toBeUndefined();
    expect(paceText(t, 'id', target(100, null), 10, '2027-01-03')).toBeUndefined();
    expect(paceText(tFor('en'), 'en', target(10, '2027-01-04'), 9, '2027-01-03')).toBe(
      '1 day left until the deadline (4 January 2027): 1 more participants needed, about 7 a week.',
    );
  });
});
