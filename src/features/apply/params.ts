import type { FormSnapshot } from '../../applications/store';
import type { FormField } from './form';

/** What opens the application form (`ctx.go('apply', …)`). */
export interface ApplyParams {
  slug?: string;
  /** "Lanjutkan" or "Mulai ulang" already chosen. */
  resume?: 'continue' | 'restart';
  /** Back from the profile questions: do not ask them again. */
  returning?: boolean;
  /** Ask this question first (an answer being changed from the review screen). */
  ask?: FormField;
  /** Back from the optional disability question (./disability-question.ts): do not ask it again. */
  disabilityAsked?: boolean;
  /**
   * The form's snapshot of `slug` as the caller read it in this turn, nothing written since: not read
   * again (issue #15). Never saved (a `returnTo` keeps only the other params).
   */
  known?: FormSnapshot;
}
