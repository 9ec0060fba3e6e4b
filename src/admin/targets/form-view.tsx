import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import { ErrorSummary, FieldMessage, invalid } from '../broadcasts/fields';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import type { TargetErrors, TargetField, TargetValues } from './form';

/** The form to set or change a recruitment target; shown again with what was typed when it has errors. */

const ERRORS = 'dashboard:targets.errors';

const IDS: Record<TargetField, string> = {
  name: 'tg-name',
  programme: 'tg-programme',
  participants: 'tg-participants',
  womenPercent: 'tg-women',
  disabilityPercent: 'tg-disability',
  deadline: 'tg-deadline',
  counted: 'tg-counted-active',
};

export function TargetForm(props: {
  c: AdminContext;
  action: string;
  values: TargetValues;
  errors: TargetErrors;
  programmes: readonly ProgrammeChoice[];
  submit: string;
  cancelHref: string;
}) {
  const { c, values, errors } = props;
  const t = c.var.t;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:targets.${key}`, params);
  const summary = (
    Object.entries(errors) as Array<[TargetField, NonNullable<TargetErrors[TargetField]>]>
  ).map(([field, error]) => [IDS[field], error] as [string, typeof error]);
  const number = (field: 'participants' | 'womenPercent' | 'disabilityPercent', name: string) => (
    <div>
      <label for={IDS[field]}>{k(`form.${field}`)}</label>
      <p class="muted bc-hint" id={`${IDS[field]}-hint`}>
        {k(`form.${field}Hint`)}
      </p>
      <input
        type="text"
        inputmode="numeric"
        id={IDS[field]}
        name={name}
        value={values[field]}
        {...invalid(IDS[field], errors[field], `${IDS[field]}-hint`)}
      />
      <FieldMessage id={IDS[field]} t={t} prefix={ERRORS} error={errors[field]} />
    </div>
  );
  return (
    <form method="post" action={props.action} class="tg-form">
      <Csrf c={c} />
      <ErrorSummary
        t={t}
        prefix={ERRORS}
        heading={t('dashboard:broadcasts.errors.summary')}
        errors={summary}
      />
      <label for={IDS.name}>{k('form.name')}</label>
      <p class="muted bc-hint" id="tg-name-hint">
        {k('form.nameHint')}
      </p>
      <input
        type="text"
        id={IDS.name}
        name="name"
        value={values.name}
        maxlength={200}
        required
        {...invalid(IDS.name, errors.name, 'tg-name-hint')}
      />
      <FieldMessage id={IDS.name} t={t} prefix={ERRORS} error={errors.name} />

      <label for={IDS.programme}>{k('form.programme')}</label>
      <select id={IDS.programme} name="programme" {...invalid(IDS.programme, errors.programme)}>
        <option value="">{k('form.allProgrammes')}</option>
        {props.programmes.map((p) => (
          <option value={p.slug} selected={p.slug === values.programme}>
            {choiceTitle(p, c.var.locale)}
          </option>
        ))}
      </select>
      <FieldMessage id={IDS.programme} t={t} prefix={ERRORS} error={errors.programme} />

      <fieldset>
        <legend>{k('form.goals')}</legend>
        <p class="muted">{k('form.goalsHint')}</p>
        {number('participants', 'participants')}
        <div class="row">
          {number('womenPercent', 'women_percent')}
          {number('disabilityPercent', 'disability_percent')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{k('form.counted')}</legend>
        <p class="bc-check">
          <input
            type="radio"
            id="tg-counted-active"
            name="counted"
            value="active"
            checked={values.counted === 'active'}
          />
          <label for="tg-counted-active">{k('form.countedActive')}</label>
        </p>
        <p class="bc-check">
          <input
            type="radio"
            id="tg-counted-accepted"
            name="counted"
            value="accepted"
            checked={values.counted === 'accepted'}
          />
          <label for="tg-counted-accepted">{k('form.countedAccepted')}</label>
        </p>
      </fieldset>

      <label for={IDS.deadline}>{k('form.deadline')}</label>
      <input
        type="date"
        id={IDS.deadline}
        name="deadline"
        value={values.deadline}
        {...invalid(IDS.deadline, errors.deadline)}
      />
      <FieldMessage id={IDS.deadline} t={t} prefix={ERRORS} error={errors.deadline} />

      <div class="actions">
        <button type="submit">{props.submit}</button>
        <a class="button secondary" href={props.cancelHref}>
          {k('form.cancel')}
        </a>
      </div>
    </form>
  );
}
