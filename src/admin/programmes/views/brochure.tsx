import type { AdminContext } from '../../context';
import { BROCHURE_MAX_BYTES, BROCHURE_TYPES, brochureType } from '../brochure';

/**
 * A brochure (photo or PDF) for an organisation that has no web page for the programme: on the new
 * programme's form, and on its edit page with the current one shown (a link that works on any
 * machine: /admin/brosur/…), replaced by choosing another file or removed with a box.
 */
export function BrochureField({
  c,
  error,
  current,
}: {
  c: AdminContext;
  error?: string | undefined;
  current?: string | undefined;
}) {
  const t = c.var.t;
  const kind = current && brochureType(current) === 'application/pdf' ? 'pdf' : 'photo';
  return (
    <div class="prog-field">
      {current ? (
        <p id="f-brochure-current">
          {t('dashboard:programmes.brochure.current')}{' '}
          <a href={`/admin/brosur/${current}`} target="_blank" rel="noopener">
            {t(`dashboard:programmes.brochure.open.${kind}`)}
          </a>
        </p>
      ) : null}
      <label for="f-brochure">
        {t(current ? 'dashboard:programmes.brochure.replace' : 'dashboard:programmes.new.brochure')}
      </label>
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
      {current ? (
        <div class="bc-check">
          <label>
            <input type="checkbox" name="brochure_remove" value="yes" />{' '}
            {t('dashboard:programmes.brochure.remove')}
          </label>
        </div>
      ) : null}
    </div>
  );
}
