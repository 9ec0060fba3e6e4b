import type { Child } from 'hono/jsx';
import type { T } from '../../../i18n';
import type { AdminContext } from '../../context';
import { Csrf } from '../../layout';
import { EDIT_FIELDS, type EditField, FIELD_GROUPS, type FormErrors, type FormValues } from '../edit-form';
import { Quoted } from '../quoted';
import { BrochureField } from './brochure';

/** The catalogue's words for a select's values (the field names match the catalogue's vocabularies). */
const OPTION_LABELS: Record<string, string> = {
  status: 'catalogue:status',
  stipend_period: 'catalogue:stipend_period',
  kind: 'catalogue:kind',
  field: 'catalogue:field',
  provider_type: 'catalogue:provider_type',
  location_mode: 'catalogue:mode',
  application_mode: 'catalogue:application_mode',
  eligibility_education_min: 'profile:value.education',
  eligibility_education_max: 'profile:value.education',
  eligibility_gender: 'dashboard:programmes.edit.only',
  eligibility_status: 'profile:value.activity',
  application_documents: 'catalogue:document',
  benefits: 'catalogue:benefit',
};

function optionLabel(t: T, f: EditField, value: string): string {
  const vocabulary = OPTION_LABELS[f.name];
  return vocabulary ? t(`${vocabulary}.${value}`, { defaultValue: value }) : value;
}

/** How a stored value reads on the viewers' page. */
function readValue(t: T, f: EditField, value: string): string {
  if (f.type === 'select') return optionLabel(t, f, value);
  if (f.type === 'checks')
    return value
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => optionLabel(t, f, v))
      .join(', ');
  if (f.type === 'yesno') return t(`dashboard:programmes.edit.${value === 'true' ? 'yes' : 'no'}`);
  return value;
}

/** Provinces with their regencies, for a `region` field. */
export interface RegionGroup {
  code: string;
  name: string;
  regencies: { code: string; name: string }[];
}

/** Viewers read the same fields as a list (they have no form). */
function ReadOnly({ t, values, brochure }: { t: T; values: FormValues; brochure?: string | undefined }) {
  return (
    <>
      <p class="notice">{t('dashboard:programmes.edit.readOnly')}</p>
      {brochure ? (
        <p>
          {t('dashboard:programmes.brochure.current')}{' '}
          <a href={`/admin/brosur/${brochure}`} target="_blank" rel="noopener">
            {t('dashboard:programmes.brochure.view')}
          </a>
        </p>
      ) : null}
      {FIELD_GROUPS.map((g) => (
        <section>
          <h2>{t(`dashboard:programmes.edit.group.${g.key}`)}</h2>
          <dl class="prog-dl">
            {g.fields.map((name) => {
              const f = EDIT_FIELDS.find((x) => x.name === name)!;
              const value = values[name] ?? '';
              return (
                <>
                  <dt>{t(`dashboard:programmes.edit.field.${name}`)}</dt>
                  <dd class={f.type === 'json' ? 'prog-json' : undefined}>
                    {value ? readValue(t, f, value) : '—'}
                  </dd>
                </>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

export function Input(props: {
  t: T;
  f: EditField;
  value: string;
  error?: string | undefined;
  regions?: readonly RegionGroup[];
}) {
  const { t, f, value, error } = props;
  const id = `f-${f.name}`;
  const hintKey = `dashboard:programmes.edit.hint.${f.name}`;
  const hint = t(hintKey, { defaultValue: '' });
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: f.name,
    'aria-invalid': error ? ('true' as const) : undefined,
    required: f.required || undefined,
    'aria-describedby': described || undefined,
  };
  let control: Child;
  // A list of checkboxes is its own fieldset: its legend is the field's name, after the hint.
  if (f.type === 'checks') {
    const chosen = new Set(
      value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean),
    );
    // A group of checkboxes, labelled by the field's label (rendered below as the group's name).
    control = (
      <fieldset class="prog-checks" id={id} aria-describedby={described || undefined}>
        <legend class="prog-label">{t(`dashboard:programmes.edit.field.${f.name}`)}</legend>
        {hint ? (
          <p class="muted prog-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <div class="bc-checks">
          {(f.options ?? []).map((o) => (
            <label>
              <input type="checkbox" name={f.name} value={o} checked={chosen.has(o)} /> {optionLabel(t, f, o)}
            </label>
          ))}
        </div>
      </fieldset>
    );
  } else if (f.type === 'yesno')
    control = (
      <div class="bc-check">
        <label>
          <input
            type="checkbox"
            id={id}
            name={f.name}
            value="true"
            checked={value === 'true'}
            aria-describedby={described || undefined}
          />{' '}
          {t(`dashboard:programmes.edit.check.${f.name}`)}
        </label>
      </div>
    );
  else if (f.type === 'textarea' || f.type === 'json')
    control = (
      <textarea
        {...common}
        rows={f.type === 'json' ? 8 : 4}
        class={f.type === 'json' ? 'prog-json' : undefined}
      >
        {value}
      </textarea>
    );
  else if (f.type === 'region')
    control = (
      <select {...common}>
        <option value="">{t('dashboard:programmes.edit.none')}</option>
        {(props.regions ?? []).map((p) => (
          <optgroup label={p.name}>
            <option value={p.code} selected={p.code === value}>
              {t('dashboard:programmes.new.wholeProvince', { province: p.name })}
            </option>
            {p.regencies.map((r) => (
              <option value={r.code} selected={r.code === value}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    );
  else if (f.type === 'select')
    control = (
      <select {...common}>
        {f.optional ? <option value="">{t('dashboard:programmes.edit.none')}</option> : null}
        {f.choose ? (
          <option value="" selected={!value}>
            {t('dashboard:programmes.new.choose')}
          </option>
        ) : null}
        {(f.options ?? []).map((o) => (
          <option value={o} selected={o === value}>
            {optionLabel(t, f, o)}
          </option>
        ))}
      </select>
    );
  else
    control = (
      <input
        {...common}
        type={f.type === 'date' ? 'date' : 'text'}
        inputmode={f.type === 'integer' ? 'numeric' : undefined}
        value={value}
        maxlength={f.max ? f.max + 100 : undefined}
      />
    );
  return (
    <div class={error ? 'prog-field prog-invalid' : 'prog-field'}>
      {f.type === 'checks' ? null : f.type === 'yesno' ? (
        <p class="prog-label">{t(`dashboard:programmes.edit.field.${f.name}`)}</p>
      ) : (
        <label for={id}>
          {t(`dashboard:programmes.edit.field.${f.name}`)}
          {f.required ? <span class="muted"> {t('dashboard:programmes.edit.required')}</span> : null}
        </label>
      )}
      {hint && f.type !== 'checks' ? (
        <p class="muted prog-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p class="prog-error" id={`${id}-error`}>
          <Quoted text={error} />
        </p>
      ) : null}
    </div>
  );
}

/** The refused form's problems, each linking to its field. */
export function ErrorSummary(props: {
  t: T;
  fields: readonly EditField[];
  errors: FormErrors;
  other: readonly string[];
}) {
  const { t, errors } = props;
  const invalid = props.fields.filter((f) => errors[f.name]);
  if (invalid.length === 0 && props.other.length === 0) return null;
  return (
    <div class="notice error" role="alert" tabindex={-1} id="form-errors">
      <p>{t('dashboard:programmes.edit.errorsHeading', { count: invalid.length + props.other.length })}</p>
      <ul>
        {invalid.map((f) => (
          <li>
            <a href={`#f-${f.name}`}>{t(`dashboard:programmes.edit.field.${f.name}`)}</a>:{' '}
            <Quoted text={errors[f.name] ?? ''} />
          </li>
        ))}
        {props.other.map((m) => (
          <li>
            <Quoted text={m} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The form's fieldsets and its save/cancel buttons: one layout for editing and for "Tambah program". */
export function FieldGroups(props: {
  t: T;
  groups: readonly { key: string; fields: readonly string[] }[];
  fields: readonly EditField[];
  values: FormValues;
  errors: FormErrors;
  regions?: readonly RegionGroup[];
  submit: string;
  /** More inputs at the end of a group, by its key (the new programme's brochure upload). */
  extra?: Record<string, Child>;
}) {
  const { t, values, errors } = props;
  const byName = new Map(props.fields.map((f) => [f.name, f]));
  return (
    <>
      {props.groups.map((g) => (
        <fieldset class="prog-fieldset">
          <legend>{t(`dashboard:programmes.edit.group.${g.key}`)}</legend>
          {g.fields.map((name) => (
            <Input
              t={t}
              f={byName.get(name)!}
              value={values[name] ?? ''}
              error={errors[name]}
              regions={props.regions}
            />
          ))}
          {props.extra?.[g.key] ?? null}
        </fieldset>
      ))}
      <p class="actions">
        <button type="submit">{props.submit}</button>
        <a class="button secondary" href="/admin/programmes">
          {t('dashboard:programmes.edit.cancel')}
        </a>
      </p>
    </>
  );
}

export function ProgrammeEdit(props: {
  c: AdminContext;
  slug: string;
  values: FormValues;
  errors: FormErrors;
  other: string[];
  version: string;
  conflict?: boolean;
  canWrite: boolean;
  bot?: string | undefined;
  brochure?: string | undefined;
}) {
  const { c, values, errors } = props;
  const t = c.var.t;
  return (
    <>
      <p class="back">
        <a href="/admin/programmes">{t('dashboard:programmes.edit.back')}</a> ·{' '}
        <a href={`/admin/applicants?programme=${encodeURIComponent(props.slug)}`}>
          {t('dashboard:programmes.edit.applicants')}
        </a>
        {props.bot ? (
          <>
            {' · '}
            <a href={props.bot} rel="noopener">
              {t('dashboard:programmes.edit.openBot')}
            </a>
          </>
        ) : null}
      </p>
      <p class="muted">
        {t('dashboard:programmes.edit.slug')} <code>{props.slug}</code>
      </p>
      {props.conflict ? (
        <p class="notice warn" role="alert">
          {t('dashboard:programmes.edit.conflict')}
        </p>
      ) : null}
      <ErrorSummary t={t} fields={EDIT_FIELDS} errors={errors} other={props.other} />
      {!props.canWrite ? (
        <ReadOnly t={t} values={values} brochure={props.brochure} />
      ) : (
        <form
          method="post"
          action={`/admin/programmes/${props.slug}`}
          enctype="multipart/form-data"
          novalidate
        >
          <Csrf c={c} />
          <input type="hidden" name="version" value={props.version} />
          <FieldGroups
            extra={{ contact: <BrochureField c={c} error={errors.brochure} current={props.brochure} /> }}
            t={t}
            groups={FIELD_GROUPS}
            fields={EDIT_FIELDS}
            values={values}
            errors={errors}
            submit={t('dashboard:programmes.edit.save')}
          />
        </form>
      )}
    </>
  );
}
