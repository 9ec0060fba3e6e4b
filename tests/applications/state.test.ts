import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { t } from '../helpers/i18n';
import { answerProfile, applicant, bornAgo, tempUploads, userIdOf } from './helpers';

/*
 * The form's state saved by an older release (src/features/apply/state.ts): a question or a step this
 * release no longer knows reads as missing, and the form goes on from its first unanswered question
 * instead of apologising or landing on the menu.
 */

let h: Harness;
let next = 96_000;

beforeAll(async () => {
  h = await startHarness({ UPLOADS_DIR: tempUploads() });
  await loadCatalogue(h.runtime.db, [
    programme('las-lama', {
      title: { id: 'Pelatihan Las Lama' },
      eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMP' } },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

/** A person at the form's first question, and a way to rewrite the state their next answer is read in. */
async function atTheForm() {
  const p = applicant(h, { id: next++, firstName: 'Lestari' });
  await p.say('/start p_las-lama');
  await p.press('📝 Daftar');
  const reply = await answerProfile(p, {
    birth: bornAgo(24).text,
    gender: 'perempuan',
    place: 'Kota Surabaya',
    education: 'SMK',
    graduation: String(new Date().getUTCFullYear() - 5),
  });
  expect(reply.text).toContain(t('applications:ask.fullName'));
  const userId = await userIdOf(h, p.person.id);
  const where = eq(conversations.userId, userId);
  /** Rewrites the saved state's step and data as an older release might have left them. */
  const rewrite = async (step: string, data: (saved: Record<string, unknown>) => Record<string, unknown>) => {
    const [row] = await h.runtime.db.select({ state: conversations.state }).from(conversations).where(where);
    await h.runtime.db
      .update(conversations)
      .set({ state: { ...row!.state, step, data: data(row!.state.data) } })
      .where(where);
  };
  return { p, reply, rewrite };
}

describe('the application form across a deploy', () => {
  it('asks the first unanswered question when the saved one is unknown', async () => {
    const { p, rewrite } = await atTheForm();
    await rewrite('ask', (saved) => ({ ...saved, field: 'shoeSize' }));
    const reply = await p.say('42');
    expect(reply.text).toContain(t('applications:ask.fullName'));
    expect(p.texts().join('\n')).not.toContain(t('error.generic'));
  });

  it('goes back to the form from the cancel question when where it came from is unknown', async () => {
    const { p, rewrite } = await atTheForm();
    const question = await p.say('batal');
    expect(question.text).toContain(t('applications:cancel.ask'));
    await rewrite('confirmCancel', (saved) => ({
      ...saved,
      back: { step: 'typingName', field: 'fullName' },
    }));
    const back = await p.press(t('applications:cancel.back'), question);
    expect(back.text).toContain(t('applications:ask.fullName'));
  });
});
