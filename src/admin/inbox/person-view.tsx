import type { Child } from 'hono/jsx';
import { formatDateId } from '../../eligibility';
import type { PersonApplication, PersonSummary } from '../../handoff/person';
import type { AdminContext } from '../context';
import { formatWib } from './format';
import { titleIn } from './labels';
import { nameOf } from './shared';

function Item({ label, children }: { label: string; children?: Child }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The person's profile as the bot keeps it (disability needs only with the specific-data consent). */
export function ProfilePanel({ c, person }: { c: AdminContext; person: PersonSummary }) {
  const t = c.var.t;
  const education = person.education
    ? [
        t(`profile:value.education.${person.education.level}`, { defaultValue: person.education.level }),
        person.education.major ? t('inbox:profile.major', { major: person.education.major }) : '',
        person.education.graduationYear
          ? t('inbox:profile.graduated', { year: person.education.graduationYear })
          : '',
      ]
        .filter(Boolean)
        .join(', ')
    : undefined;
  const filled =
    person.birthDate || person.gender || person.domicile || education || person.activity || person.disability;
  return (
    <section aria-labelledby="inbox-profile-h">
      <h2 id="inbox-profile-h">{t('inbox:profile.heading')}</h2>
      <dl class="inbox-dl">
        <Item label={t('inbox:profile.name')}>{nameOf(c, person.displayName)}</Item>
        <Item label={t('inbox:profile.language')}>
          {t(`inbox:profile.locale.${person.locale}`, { defaultValue: person.locale })}
        </Item>
        {person.birthDate ? (
          <Item label={t('inbox:profile.birthDate')}>
            {person.birthDateApproximate
              ? `${t('inbox:profile.age', { age: person.age })} (${t('inbox:profile.approximate')})`
              : `${formatDateId(person.birthDate, c.var.locale)} · ${t('inbox:profile.age', { age: person.age })}`}
          </Item>
        ) : null}
        {person.gender ? (
          <Item label={t('inbox:profile.gender')}>{t(`profile:value.gender.${person.gender}`)}</Item>
        ) : null}
        {person.domicile ? <Item label={t('inbox:profile.domicile')}>{person.domicile}</Item> : null}
        {education ? <Item label={t('inbox:profile.education')}>{education}</Item> : null}
        {person.activity ? (
          <Item label={t('inbox:profile.activity')}>{t(`profile:value.activity.${person.activity}`)}</Item>
        ) : null}
        {person.disability ? (
          <Item label={t('inbox:profile.disability')}>
            {!person.disability.declared
              ? t('inbox:profile.disabilityNone')
              : (person.disability.needs ?? t('inbox:profile.disabilityNoDetails'))}
          </Item>
        ) : null}
        {person.interests ? (
          <Item label={t('inbox:profile.interests')}>{person.interests.join(', ')}</Item>
        ) : null}
      </dl>
      {filled ? null : <p class="muted">{t('inbox:profile.empty')}</p>}
    </section>
  );
}

/**
 * Applications to this organisation's programmes only (the query is scoped), as cards on a phone; the
 * reference opens the application in the applicants section, where its status is changed.
 */
export function ApplicationsPanel({ c, items }: { c: AdminContext; items: PersonApplication[] }) {
  const t = c.var.t;
  const label = (key: string) => t(`inbox:applications.${key}`);
  return (
    <section aria-labelledby="inbox-apps-h">
      <h2 id="inbox-apps-h">{t('inbox:applications.heading')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('inbox:applications.none')}</p>
      ) : (
        <>
          <p class="muted">{t('inbox:applications.hint')}</p>
          <div class="table-wrap">
            <table class="stack inbox-apps">
              <caption class="sr-only">{t('inbox:applications.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{label('reference')}</th>
                  <th scope="col">{label('programme')}</th>
                  <th scope="col">{label('status')}</th>
                  <th scope="col">{label('submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/applicants/${a.id}`}>{a.reference ?? label('open')}</a>
                    </th>
                    <td data-label={label('programme')}>
                      {titleIn(a.programmeTitle, c.var.locale, a.programmeSlug)}
                    </td>
                    <td data-label={label('status')}>
                      {t(`applications:status.${a.status}.label`, { defaultValue: a.status })}
                    </td>
                    <td data-label={label('submitted')}>
                      {a.submittedAt ? formatWib(a.submittedAt, c.var.locale) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
