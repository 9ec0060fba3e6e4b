import type { Child } from 'hono/jsx';
import type { T } from '../../i18n';
import { choiceTitle, type ProgrammeChoice } from '../../organisations/programme-choices';
import type { QuietHours } from '../../shared/jakarta-time';
import type { AdminContext } from '../context';
import { Csrf } from '../layout';
import { ErrorSummary, FieldMessage, type FormError, invalid } from './fields';
import {
  type ComposerErrors,
  type ComposerField,
  type ComposerValues,
  NAME_MAX,
  NAMES,
  TEXT_MAX,
} from './form';
import {
  channelOptions,
  educationOptions,
  fieldOptions,
  genderOptions,
  provinceOptions,
  regencyGroups,
} from './options';
import { formatHour } from './text';

/*
 * The composer: the message, who receives it (the audience service's filters), when. The audience
 * part updates a live count (src/admin/assets/broadcasts.ts); without scripts, "Hitung penerima"
 * posts the form and it comes back with the count and everything typed.
 */

export const ERRORS = 'dashboard:broadcasts.errors';

/**
 * Regions ticked in a list with a search box above it (typing "sura" leaves Kota Surabaya and Kab.
 * Surabaya… in view; ticked ones always stay): 514 regencies are not a Ctrl-click list. Without
 * scripts the list is still there to scroll and tick; the search box has no name and is never sent.
 */
function RegionPicker(props: {
  t: T;
  id: string;
  name: string;
  label: string;
  hint: string;
  groups: readonly { label?: string; options: readonly { value: string; label: string }[] }[];
  selected: readonly string[];
  error?: FormError | undefined;
}) {
  const { t, id } = props;
  const items = (options: readonly { value: string; label: string }[]) =>
    options.map((o) => (
      <label class="bc-pick">
        <input type="checkbox" name={props.name} value={o.value} checked={props.selected.includes(o.value)} />{' '}
        {o.label}
      </label>
    ));
  return (
    <>
      <label for={id}>{props.label}</label>
      <p class="muted bc-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <input
        type="search"
        id={id}
        class="bc-picker-search"
        data-picker={`${id}-list`}
        autocomplete="off"
        placeholder={t('dashboard:broadcasts.compose.pickerSearch')}
        aria-controls={`${id}-list`}
        {...invalid(id, props.error, `${id}-hint`)}
      />
      <fieldset class="bc-picker" id={`${id}-list`}>
        <legend class="sr-only">{props.label}</legend>
        {props.groups.map((g) =>
          g.label ? (
            <fieldset class="bc-picker-group">
              <legend>{g.label}</legend>
              {items(g.options)}
            </fieldset>
          ) : (
            items(g.options)
          ),
        )}
      </fieldset>
      <FieldMessage id={id} t={t} prefix={ERRORS} error={props.error} />
    </>
  );
}

/** The element each field's error links to. */
export const FIELD_IDS: Record<ComposerField, string> = {
  name: 'bc-name',
  text: 'bc-text',
  textEn: 'bc-text-en',
  programme: 'bc-programme',
  provinces: 'bc-province',
  regencies: 'bc-regency',
  gender: 'bc-gender',
  ageMin: 'bc-age-min',
  ageMax: 'bc-age-max',
  eduMin: 'bc-edu-min',
  eduMax: 'bc-edu-max',
  fields: 'bc-fields',
  channels: 'bc-channels',
  eligibleFor: 'bc-eligible',
  includeIncomplete: 'bc-include-incomplete',
  urgent: 'bc-urgent',
  when: 'bc-when-now',
  date: 'bc-date',
  time: 'bc-time',
};

interface Props {
  c: AdminContext;
  values: ComposerValues;
  errors: ComposerErrors;
  programmes: readonly ProgrammeChoice[];
  quiet: QuietHours;
  /** The count fragment, when the form came back from "Hitung penerima". */
  count?: Child;
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  empty: string;
  error?: ComposerErrors[ComposerField];
  hint?: string;
  t: AdminContext['var']['t'];
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="muted bc-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <select id={props.id} name={props.name} {...invalid(props.id, props.error, hintId)}>
        <option value="">{props.empty}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={props.id} t={props.t} prefix={ERRORS} error={props.error} />
    </div>
  );
}

function Checkboxes(props: {
  id: string;
  name: string;
  legend: string;
  hint: string;
  values: string[];
  options: Array<{ value: string; label: string }>;
  error?: ComposerErrors[ComposerField];
  t: AdminContext['var']['t'];
}) {
  return (
    <fieldset id={props.id} class="bc-choices" {...invalid(props.id, props.error, `${props.id}-hint`)}>
      <legend>{props.legend}</legend>
      <p class="muted bc-hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <FieldMessage id={props.id} t={props.t} prefix={ERRORS} error={props.error} />
      <ul class="bc-checks">
        {props.options.map((o) => (
          <li>
            <input
              type="checkbox"
              id={`${props.id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.values.includes(o.value)}
            />
            <label for={`${props.id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Composer({ c, values, errors, programmes, quiet, count }: Props) {
  const t = c.var.t;
  const locale = c.var.locale;
  const k = (key: string, params: Record<string, unknown> = {}) => t(`dashboard:broadcasts.${key}`, params);
  const open = programmes.filter((p) => p.status === 'open');
  const programmeOptions = (list: readonly ProgrammeChoice[]) =>
    list.map((p) => ({ value: p.slug, label: choiceTitle(p, locale) }));
  const summary = (
    Object.entries(errors) as Array<[ComposerField, NonNullable<ComposerErrors[ComposerField]>]>
  ).map(([field, error]) => [FIELD_IDS[field], error] as [string, typeof error]);
  return (
    <form
      method="post"
      action="/admin/broadcasts/new"
      class="bc-composer"
      data-audience-count="/admin/broadcasts/audience"
      data-count-target="bc-count"
    >
      <Csrf c={c} />
      <ErrorSummary t={t} prefix={ERRORS} heading={k('errors.summary')} errors={summary} />

      <fieldset>
        <legend>{k('compose.message')}</legend>
        <label for={FIELD_IDS.text}>{k('compose.text')}</label>
        <p class="muted bc-hint" id="bc-text-hint">
          {k('compose.textHint', { max: TEXT_MAX })}
        </p>
        <textarea
          id={FIELD_IDS.text}
          name={NAMES.text}
          rows={8}
          maxlength={TEXT_MAX}
          required
          data-char-count="bc-text-count"
          {...invalid(FIELD_IDS.text, errors.text, 'bc-text-hint bc-text-count')}
        >
          {values.text}
        </textarea>
        <p
          class="muted bc-counter"
          id="bc-text-count"
          data-template={k('compose.counter', { used: '{used}', max: TEXT_MAX })}
        >
          {k('compose.counter', { used: values.text.length, max: TEXT_MAX })}
        </p>
        <FieldMessage id={FIELD_IDS.text} t={t} prefix={ERRORS} error={errors.text} />

        <label for={FIELD_IDS.textEn}>{k('compose.textEn')}</label>
        <p class="muted bc-hint" id="bc-text-en-hint">
          {k('compose.textEnHint')}
        </p>
        <textarea
          id={FIELD_IDS.textEn}
          name={NAMES.textEn}
          rows={4}
          maxlength={TEXT_MAX}
          {...invalid(FIELD_IDS.textEn, errors.textEn, 'bc-text-en-hint')}
        >
          {values.textEn}
        </textarea>
        <FieldMessage id={FIELD_IDS.textEn} t={t} prefix={ERRORS} error={errors.textEn} />

        <div data-audience>
          <Select
            t={t}
            id={FIELD_IDS.programme}
            name={NAMES.programme}
            label={k('compose.programme')}
            hint={k('compose.programmeHint')}
            empty={k('compose.noProgramme')}
            value={values.programme}
            options={programmeOptions(open)}
            error={errors.programme}
          />
        </div>

        <label for={FIELD_IDS.name}>{k('compose.name')}</label>
        <p class="muted bc-hint" id="bc-name-hint">
          {k('compose.nameHint')}
        </p>
        <input
          type="text"
          id={FIELD_IDS.name}
          name={NAMES.name}
          value={values.name}
          maxlength={NAME_MAX}
          {...invalid(FIELD_IDS.name, errors.name, 'bc-name-hint')}
        />
        <FieldMessage id={FIELD_IDS.name} t={t} prefix={ERRORS} error={errors.name} />
      </fieldset>

      <fieldset data-audience>
        <legend>{k('compose.audience')}</legend>
        <p class="muted">{k('compose.audienceHint')}</p>

        <RegionPicker
          t={t}
          id={FIELD_IDS.provinces}
          name={NAMES.provinces}
          label={k('compose.provinces')}
          hint={k('compose.multiHint')}
          groups={[{ options: provinceOptions() }]}
          selected={values.provinces}
          error={errors.provinces}
        />
        <RegionPicker
          t={t}
          id={FIELD_IDS.regencies}
          name={NAMES.regencies}
          label={k('compose.regencies')}
          hint={k('compose.regenciesHint')}
          groups={regencyGroups()}
          selected={values.regencies}
          error={errors.regencies}
        />

        <Select
          t={t}
          id={FIELD_IDS.gender}
          name={NAMES.gender}
          label={k('compose.gender')}
          empty={k('compose.anyGender')}
          value={values.gender}
          options={genderOptions(t)}
          error={errors.gender}
        />

        <div class="row">
          <div>
            <label for={FIELD_IDS.ageMin}>{k('compose.ageMin')}</label>
            <input
              type="number"
              inputmode="numeric"
              min={10}
              max={100}
              id={FIELD_IDS.ageMin}
              name={NAMES.ageMin}
              value={values.ageMin}
              {...invalid(FIELD_IDS.ageMin, errors.ageMin)}
            />
            <FieldMessage id={FIELD_IDS.ageMin} t={t} prefix={ERRORS} error={errors.ageMin} />
          </div>
          <div>
            <label for={FIELD_IDS.ageMax}>{k('compose.ageMax')}</label>
            <input
              type="number"
              inputmode="numeric"
              min={10}
              max={100}
              id={FIELD_IDS.ageMax}
              name={NAMES.ageMax}
              value={values.ageMax}
              {...invalid(FIELD_IDS.ageMax, errors.ageMax)}
            />
            <FieldMessage id={FIELD_IDS.ageMax} t={t} prefix={ERRORS} error={errors.ageMax} />
          </div>
        </div>

        <div class="row">
          <Select
            t={t}
            id={FIELD_IDS.eduMin}
            name={NAMES.eduMin}
            label={k('compose.eduMin')}
            empty={k('compose.anyEducation')}
            value={values.eduMin}
            options={educationOptions()}
            error={errors.eduMin}
          />
          <Select
            t={t}
            id={FIELD_IDS.eduMax}
            name={NAMES.eduMax}
            label={k('compose.eduMax')}
            empty={k('compose.anyEducation')}
            value={values.eduMax}
            options={educationOptions()}
            error={errors.eduMax}
          />
        </div>

        <Checkboxes
          t={t}
          id={FIELD_IDS.fields}
          name={NAMES.fields}
          legend={k('compose.fields')}
          hint={k('compose.fieldsHint')}
          values={values.fields}
          options={fieldOptions(t)}
          error={errors.fields}
        />
        <Checkboxes
          t={t}
          id={FIELD_IDS.channels}
          name={NAMES.channels}
          legend={k('compose.channels')}
          hint={k('compose.channelsHint')}
          values={values.channels}
          options={channelOptions()}
          error={errors.channels}
        />

        <Select
          t={t}
          id={FIELD_IDS.eligibleFor}
          name={NAMES.eligibleFor}
          label={k('compose.eligibleFor')}
          hint={k('compose.eligibleForHint')}
          empty={k('compose.noEligibility')}
          value={values.eligibleFor}
          options={programmeOptions(programmes)}
          error={errors.eligibleFor}
        />
        <p class="bc-check">
          <input
            type="checkbox"
            id={FIELD_IDS.includeIncomplete}
            name={NAMES.includeIncomplete}
            value="1"
            checked={values.includeIncomplete}
          />
          <label for={FIELD_IDS.includeIncomplete}>{k('compose.includeIncomplete')}</label>
        </p>
      </fieldset>

      <section class="card bc-count-box" aria-labelledby="bc-count-heading">
        <h2 id="bc-count-heading">{k('count.heading')}</h2>
        <div id="bc-count" class="bc-count" aria-live="polite">
          {count ?? <p class="muted">{k('count.idle')}</p>}
        </div>
        <button type="submit" name="intent" value="count" class="secondary">
          {k('count.button')}
        </button>
      </section>

      <fieldset>
        <legend>{k('compose.when')}</legend>
        <p class="bc-check">
          <input
            type="radio"
            id="bc-when-now"
            name={NAMES.when}
            value="now"
            checked={values.when === 'now'}
          />
          <label for="bc-when-now">{k('compose.now')}</label>
        </p>
        <p class="bc-check">
          <input
            type="radio"
            id="bc-when-later"
            name={NAMES.when}
            value="later"
            checked={values.when === 'later'}
          />
          <label for="bc-when-later">{k('compose.later')}</label>
        </p>
        <ScheduleInputs t={t} values={values} errors={errors} />
        <p class="notice" id="bc-quiet">
          {k('compose.quietHours', {
            start: formatHour(quiet.start, locale),
            end: formatHour(quiet.end, locale),
          })}
        </p>
        <p class="bc-check">
          <input
            type="checkbox"
            id={FIELD_IDS.urgent}
            name={NAMES.urgent}
            value="1"
            checked={values.urgent}
            aria-describedby="bc-quiet"
          />
          <label for={FIELD_IDS.urgent}>{k('compose.urgent')}</label>
        </p>
      </fieldset>

      <div class="actions">
        <button type="submit" name="intent" value="review">
          {k('compose.review')}
        </button>
        <a class="button secondary" href="/admin/broadcasts">
          {k('compose.back')}
        </a>
      </div>
    </form>
  );
}

/**
 * The WIB date and time of a scheduled send, with their errors: the composer's, and a draft's page
 * (src/admin/broadcasts/draft-send.tsx), which requires them and points the time at its quiet-hours note.
 */
export function ScheduleInputs(props: {
  t: AdminContext['var']['t'];
  values: Pick<ComposerValues, 'date' | 'time'>;
  errors: Pick<ComposerErrors, 'date' | 'time'>;
  required?: boolean;
  timeHint?: string;
}) {
  const { t, values, errors } = props;
  return (
    <div class="row">
      <div>
        <label for={FIELD_IDS.date}>{t('dashboard:broadcasts.compose.date')}</label>
        <input
          type="date"
          id={FIELD_IDS.date}
          name={NAMES.date}
          value={values.date}
          required={props.required}
          {...invalid(FIELD_IDS.date, errors.date)}
        />
        <FieldMessage id={FIELD_IDS.date} t={t} prefix={ERRORS} error={errors.date} />
      </div>
      <div>
        <label for={FIELD_IDS.time}>{t('dashboard:broadcasts.compose.time')}</label>
        <input
          type="time"
          id={FIELD_IDS.time}
          name={NAMES.time}
          value={values.time}
          required={props.required}
          {...invalid(FIELD_IDS.time, errors.time, props.timeHint)}
        />
        <FieldMessage id={FIELD_IDS.time} t={t} prefix={ERRORS} error={errors.time} />
      </div>
    </div>
  );
}
