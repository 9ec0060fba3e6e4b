import type { Evaluation } from '../../../eligibility';
import { renderMessage } from '../../../eligibility';
import type { Locale, T } from '../../../i18n';

/**
 * The programme's rules checked against what the person submitted (as on the day they applied): the
 * outcome and each rule with its reason, in the words the bot uses — what a decision starts from.
 */
export function Verdict(props: { t: T; locale: Locale; evaluation: Evaluation }) {
  const { t, locale, evaluation } = props;
  if (!evaluation.checks.length) return <p>{t('dashboard:applicants.verdict.noRules')}</p>;
  const mark = (passed: boolean | undefined) =>
    passed === undefined ? 'unknown' : passed ? 'passed' : 'failed';
  return (
    <>
      <p>
        <strong>{t(`dashboard:applicants.verdict.outcome.${evaluation.outcome}`)}</strong>
      </p>
      <ul class="appl-verdict">
        {evaluation.checks.map((c) => (
          <li>
            <span class={`badge appl-check-${mark(c.passed)}`}>
              {t(`dashboard:applicants.verdict.${mark(c.passed)}`)}
            </span>{' '}
            {renderMessage(c.explanation, locale)}
            {c.preferred ? <span class="muted"> {t('dashboard:applicants.verdict.preferred')}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
