import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { BROCHURE_MAX_BYTES, BROCHURE_TYPES } from '../brochure';
import type { FormErrors, FormValues } from '../edit-form';
import { NEW_FIELD_GROUPS, NEW_FIELDS } from '../new-form';
import { ErrorSummary, FieldGroups, type RegionGroup } from './edit';

/**
 * A brochure (photo or PDF) for an organisation that has no web page for the programme: stored, served
 * publicly at /admin/brosur/…, and listed among the programme's sources.
 */
function Brochure({ c, error }: { c: AdminContext; error?: string | undefined }) {
  const t = c.var.t;
  return (
    <div class="prog-field">
      <label for="f-brochure">{t('dashboard:programmes.new.brochure')}</label>
      <p class="muted prog-hint" id="f-brochure-hint">
        {t('dashboard:programmes.new.brochureHint', { max: BROCHURE_MAX_BYTES / 1024 / 1024 })}
      </p>
      <input
        type="file"
        id="f-brochure"
        name="brochure"
        accept={BROCHURE_TYPES.join(',')}
        aria-describedby={error ? 'f-brochure-hint f-brochure-error' : 'f-brochure-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
      {error ? (
        <p class="prog-error" id="f-brochure-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

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
          extra={{ apply: <Brochure c={c} error={errors.brochure} /> }}
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
