import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import type { FormErrors, FormValues } from '../edit-form';
import { NEW_FIELD_GROUPS, NEW_FIELDS } from '../new-form';
import { BrochureField } from './brochure';
import { ErrorSummary, FieldGroups, type RegionGroup } from './edit';

/** "Tambah program": the edit form's fields and the new record's own, prefilled with sensible defaults. */
export function ProgrammeNew(props: {
  c: AdminContext;
  values: FormValues;
  errors: FormErrors;
  other: string[];
  regions: readonly RegionGroup[];
}) {
  const { c, values, errors } = props;
  const t = c.var.t;
  return (
    <>
      <p class="back">
        <a href="/admin/programmes">{t('dashboard:programmes.edit.back')}</a>
      </p>
      <p>{t('dashboard:programmes.new.intro')}</p>
      <p class="muted">{t('dashboard:programmes.new.requiredNote')}</p>
      <ErrorSummary t={t} fields={NEW_FIELDS} errors={errors} other={props.other} />
      <form method="post" action="/admin/programmes/new" enctype="multipart/form-data" novalidate>
        <Csrf c={c} />
        <FieldGroups
          extra={{ apply: <BrochureField c={c} error={errors.brochure} /> }}
          t={t}
          groups={NEW_FIELD_GROUPS}
          fields={NEW_FIELDS}
          values={values}
          errors={errors}
          regions={props.regions}
          submit={t('dashboard:programmes.new.submit')}
        />
      </form>
    </>
  );
}

/** After publishing: the two next steps (share the bot link, tell people through a broadcast). */
export function NextSteps(props: {
  c: AdminContext;
  slug: string;
  share?: string | undefined;
  canBroadcast: boolean;
}) {
  const t = props.c.var.t;
  return (
    <section class="notice" aria-labelledby="next-steps">
      <h2 id="next-steps">{t('dashboard:programmes.new.nextHeading')}</h2>
      <ul>
        {props.share ? (
          <li>
            {t('dashboard:programmes.new.share')} <a href={props.share}>{props.share}</a>
          </li>
        ) : null}
        {props.canBroadcast ? (
          <li>
            <a href={`/admin/broadcasts/new?programme=${encodeURIComponent(props.slug)}`}>
              {t('dashboard:programmes.new.broadcast')}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
