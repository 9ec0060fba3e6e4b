/**
 * The validation schema of one programme, exactly per catalogue-format.md (a contract: organisations
 * publish in it). Messages are not written here: every issue carries either a zod code or an
 * `@key` message that errors.ts turns into Indonesian (or English) through i18next.
 *
 * Normalisation done on the way in (so the stored record is canonical and its hash stable):
 * strings trimmed, tags lower-cased with spaces → `-`, country upper-cased, the province filled in
 * from the regency when only the regency is given, list duplicates reported.
 */
import { z } from 'zod';
import type { RegionLookup } from './programme-regions';
import { isProvinceCodeShape, isRegencyCodeShape, provinceOf } from './programme-regions';
import {
  ACTIVITY_STATUSES,
  AGE_REFERENCE_DATES,
  APPLICATION_MODES,
  BENEFITS,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  ELIGIBILITY_RULES,
  FIELDS,
  GENDERS,
  MODES,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  PROVIDER_TYPES,
  STIPEND_PERIODS,
} from './vocabulary';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** Programmes abroad: the only kind that has (and must have) a destination country. */
export const OVERSEAS_KINDS: readonly string[] = ['magang_luar_negeri'];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
/** ISO 3166-1 alpha-2 as known to ICU (rejects well-shaped but unassigned codes such as `XX`). */
export function isCountryCode(code: string): boolean {
  if (!COUNTRY_PATTERN.test(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

const MAX_IDR = 2_000_000_000;

const text = (max: number) => z.string().trim().min(1, { error: '@empty' }).max(max, { error: '@too_long' });

const localized = (max: number) => z.strictObject({ id: text(max), en: text(max).optional() });

const isoDate = () => z.iso.date({ error: '@date_format' });
const ISO_DATE = z.iso.date();

const url = () => z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: '@url_format' });

/**
 * A brochure uploaded in the dashboard (src/admin/programmes/brochure.ts): `<uuid>.<ext>` in the document
 * storage under `brochures/`, nothing else, so a record cannot point at another stored file.
 */
export const BROCHURE_NAME =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp|pdf)$/;

/** A brochure's content type by its name's extension; undefined for anything that is not one. */
export function brochureContentType(name: string): string | undefined {
  const ext = BROCHURE_NAME.exec(name)?.[1];
  if (!ext) return undefined;
  return ext === 'pdf' ? 'application/pdf' : ext === 'jpg' ? 'image/jpeg' : `image/${ext}`;
}

const slug = () =>
  z
    .string()
    .trim()
    .min(3, { error: '@slug_short' })
    .max(80, { error: '@slug_long' })
    .regex(SLUG_PATTERN, { error: '@slug_format' });

const wholeNumber = (min: number, max: number) =>
  z.number().int({ error: '@integer' }).min(min, { error: '@min' }).max(max, { error: '@max' });

const rupiah = () => wholeNumber(0, MAX_IDR);

/** SD < SMP < SMA (= SMK, MA) < D1 < D2 < D3 < S1 (= D4) < S2 < S3; stored as the canonical level. */
const EDUCATION_ALIASES: Record<string, (typeof EDUCATION_LEVELS)[number]> = {
  SMK: 'SMA',
  MA: 'SMA',
  D4: 'S1',
};
const educationLevel = () =>
  z
    .string()
    .trim()
    .transform((level) => level.toUpperCase())
    .transform((level) => EDUCATION_ALIASES[level] ?? level)
    .pipe(z.enum(EDUCATION_LEVELS, { error: '@education_unknown' }));

/** A list of distinct items; duplicates are reported by position. */
function uniqueList<T extends z.ZodType>(item: T, options: { min?: number; max?: number } = {}) {
  return z
    .array(item)
    .min(options.min ?? 0, { error: '@list_empty' })
    .max(options.max ?? 30, { error: '@list_too_long' })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((value, i) => {
        const key = JSON.stringify(value);
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', message: '@duplicate', params: { value }, path: [i], input: value });
        seen.add(key);
      });
    });
}

const tag = () =>
  z
    .string()
    .trim()
    .min(1, { error: '@empty' })
    .max(40, { error: '@too_long' })
    .transform((t) => t.toLowerCase().replace(/[\s_]+/g, '-'));

const countryCode = () =>
  z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isCountryCode, { error: '@country_unknown' });

export function createProgrammeSchema(regions: RegionLookup) {
  const provinceCode = () =>
    z
      .string()
      .trim()
      .refine((c) => isProvinceCodeShape(c) && regions.isProvince(c), { error: '@province_unknown' });
  const regencyCode = () =>
    z
      .string()
      .trim()
      .refine((c) => isRegencyCodeShape(c) && regions.isRegency(c), { error: '@regency_unknown' });
  const regionCode = () =>
    z
      .string()
      .trim()
      .refine(
        (c) =>
          isProvinceCodeShape(c) ? regions.isProvince(c) : isRegencyCodeShape(c) && regions.isRegency(c),
        {
          error: '@region_unknown',
        },
      );

  const provider = z.strictObject({
    name: text(120),
    type: z.enum(PROVIDER_TYPES),
    contact: text(200).optional(),
  });

  const location = z
    .strictObject({
      province: provinceCode().optional(),
      regency: regencyCode().optional(),
      venue: text(300).optional(),
      mode: z.enum(MODES),
    })
    .superRefine((loc, ctx) => {
      if (loc.regency && loc.province && provinceOf(loc.regency) !== loc.province) {
        ctx.addIssue({
          code: 'custom',
          message: '@regency_outside_province',
          params: { regency: loc.regency, province: loc.province },
          path: ['regency'],
          input: loc.regency,
        });
      }
      if (loc.mode !== 'daring' && !loc.province && !loc.regency) {
        ctx.addIssue({
          code: 'custom',
          message: '@province_required',
          params: { mode: loc.mode },
          path: ['province'],
        });
      }
    })
    .transform((loc) => (loc.regency && !loc.province ? { ...loc, province: provinceOf(loc.regency) } : loc));

  const dates = z
    .strictObject({
      registration_opens: isoDate().optional(),
      registration_closes: isoDate().optional(),
      starts: isoDate().optional(),
      ends: isoDate().optional(),
      schedule_note: localized(300).optional(),
    })
    .superRefine((d, ctx) => {
      // opens ≤ closes ≤ starts ≤ ends, over whichever of them are given.
      const order = ['registration_opens', 'registration_closes', 'starts', 'ends'] as const;
      let previous: (typeof order)[number] | undefined;
      for (const key of order) {
        const value = d[key];
        if (!value) continue;
        const before = previous ? d[previous] : undefined;
        if (previous && before && value < before) {
          ctx.addIssue({
            code: 'custom',
            message: '@date_order',
            params: { earlier: previous, earlierValue: before, later: key, laterValue: value },
            path: [key],
            input: value,
          });
        }
        previous = key;
      }
    });

  const seats = z
    .strictObject({
      total: wholeNumber(1, 100_000),
      women: wholeNumber(0, 100_000).optional(),
    })
    .superRefine((s, ctx) => {
      if (s.women !== undefined && s.women > s.total) {
        ctx.addIssue({
          code: 'custom',
          message: '@seats_women_exceed_total',
          params: { women: s.women, total: s.total },
          path: ['women'],
          input: s.women,
        });
      }
    });

  const costs = z
    .strictObject({
      fee_idr: rupiah(),
      stipend_idr: rupiah().optional(),
      stipend_period: z.enum(STIPEND_PERIODS).optional(),
    })
    .superRefine((c, ctx) => {
      if ((c.stipend_idr ?? 0) > 0 && !c.stipend_period) {
        ctx.addIssue({ code: 'custom', message: '@stipend_period_required', path: ['stipend_period'] });
      }
    });

  const inclusion = z
    .strictObject({
      disability_friendly: z.boolean(),
      accommodations: localized(500).optional(),
    })
    .superRefine((inc, ctx) => {
      if (inc.disability_friendly && !inc.accommodations) {
        ctx.addIssue({ code: 'custom', message: '@accommodations_required', path: ['accommodations'] });
      }
    });

  const questionBase = {
    id: z.string().trim().regex(QUESTION_ID_PATTERN, { error: '@question_id_format' }),
    ask: localized(300),
    explain: localized(300).optional(),
  };
  const question = z.discriminatedUnion(
    'type',
    [
      z.strictObject({ ...questionBase, type: z.literal('yes_no'), require: z.boolean().optional() }),
      // Free words for the organisers (an email, a name of a school): `require: false` may be skipped.
      z.strictObject({ ...questionBase, type: z.literal('text'), require: z.boolean().optional() }),
      z.strictObject({
        ...questionBase,
        type: z.literal('number'),
        require: z
          .strictObject({ min: z.number().optional(), max: z.number().optional() })
          .superRefine((r, ctx) => {
            if (r.min === undefined && r.max === undefined) {
              ctx.addIssue({ code: 'custom', message: '@number_require_empty' });
            }
            if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
              ctx.addIssue({
                code: 'custom',
                message: '@min_above_max',
                params: { min: r.min, max: r.max },
                path: ['min'],
              });
            }
          })
          .optional(),
      }),
      z
        .strictObject({
          ...questionBase,
          type: z.literal('choice'),
          options: uniqueList(text(80), { min: 2 }),
          require: z.strictObject({ in: uniqueList(text(80), { min: 1 }) }).optional(),
        })
        .superRefine((q, ctx) => {
          q.require?.in.forEach((value, i) => {
            if (!q.options.includes(value)) {
              ctx.addIssue({
                code: 'custom',
                message: '@choice_not_an_option',
                params: { value, options: q.options.join(', ') },
                path: ['require', 'in', i],
                input: value,
              });
            }
          });
        }),
    ],
    { error: '@question_type' },
  );

  const eligibility = z
    .strictObject({
      age: z
        .strictObject({
          min: wholeNumber(10, 100).optional(),
          max: wholeNumber(10, 100).optional(),
          /** A named date of the programme, or a fixed ISO date. */
          at: z
            .string()
            .trim()
            .refine(
              (at) =>
                (AGE_REFERENCE_DATES as readonly string[]).includes(at) || ISO_DATE.safeParse(at).success,
              {
                error: '@age_at',
              },
            )
            .optional(),
        })
        .superRefine((a, ctx) => {
          if (a.min !== undefined && a.max !== undefined && a.min > a.max) {
            ctx.addIssue({
              code: 'custom',
              message: '@min_above_max',
              params: { min: a.min, max: a.max },
              path: ['min'],
            });
          }
        })
        .optional(),
      education: z
        .strictObject({ min: educationLevel().optional(), max: educationLevel().optional() })
        .superRefine((e, ctx) => {
          if (e.min && e.max && EDUCATION_LEVELS.indexOf(e.min) > EDUCATION_LEVELS.indexOf(e.max)) {
            ctx.addIssue({
              code: 'custom',
              message: '@min_above_max',
              params: { min: e.min, max: e.max },
              path: ['min'],
            });
          }
        })
        .optional(),
      gender: z.enum(GENDERS).optional(),
      domicile: uniqueList(regionCode(), { min: 1, max: 600 }).optional(),
      status: uniqueList(z.enum(ACTIVITY_STATUSES), { min: 1 }).optional(),
      graduated_within_years: wholeNumber(0, 30).optional(),
      preferred: uniqueList(z.string().trim().min(1, { error: '@empty' })).optional(),
      questions: z.array(question).max(20, { error: '@list_too_long' }).optional(),
    })
    .superRefine((e, ctx) => {
      const questionIds = new Set<string>();
      e.questions?.forEach((q, i) => {
        if (questionIds.has(q.id)) {
          ctx.addIssue({
            code: 'custom',
            message: '@duplicate',
            params: { value: q.id },
            path: ['questions', i, 'id'],
            input: q.id,
          });
        }
        questionIds.add(q.id);
      });
      e.preferred?.forEach((entry, i) => {
        // A question may be named `question:ID` or just `ID` (as the eligibility engine reads it).
        const rule = entry.startsWith('question:') ? entry.slice('question:'.length) : entry;
        const isRule = rule === entry && (ELIGIBILITY_RULES as readonly string[]).includes(rule);
        const present = isRule ? e[rule as keyof typeof e] !== undefined : questionIds.has(rule);
        if (!present) {
          ctx.addIssue({
            code: 'custom',
            message: isRule ? '@preferred_rule_missing' : '@preferred_unknown',
            params: { value: rule, rules: [...ELIGIBILITY_RULES, ...questionIds].join(', ') },
            path: ['preferred', i],
            input: rule,
          });
        }
      });
    });

  const application = z
    .strictObject({
      mode: z.enum(APPLICATION_MODES),
      url: url().optional(),
      documents: uniqueList(z.enum(DOCUMENT_KINDS)).default([]),
      organisation: slug().optional(),
    })
    .superRefine((a, ctx) => {
      if (a.mode === 'external' && !a.url)
        ctx.addIssue({ code: 'custom', message: '@url_required', path: ['url'] });
      if (a.mode === 'in_chat' && !a.organisation) {
        ctx.addIssue({ code: 'custom', message: '@organisation_required', path: ['organisation'] });
      }
    });

  return z
    .strictObject({
      slug: slug(),
      kind: z.enum(PROGRAMME_KINDS),
      title: localized(120),
      summary: localized(600),
      field: z.enum(FIELDS, { error: '@field_unknown' }),
      tags: uniqueList(tag()).optional(),
      provider,
      location,
      destination_country: countryCode().optional(),
      /** All optional: no dates at all means a rolling intake. */
      dates: dates.default({}),
      seats: seats.optional(),
      costs,
      benefits: uniqueList(z.enum(BENEFITS)).optional(),
      inclusion: inclusion.optional(),
      eligibility: eligibility.optional(),
      application,
      /** Where the rules come from; optional, since a small organisation may have no web page at all. */
      sources: uniqueList(url()).optional(),
      /** A brochure uploaded in the dashboard: the chat sends the file itself, no address needed. */
      brochure: z.string().regex(BROCHURE_NAME, { error: '@brochure_format' }).optional(),
      verified_at: isoDate(),
      status: z.enum(PROGRAMME_STATUSES),
    })
    .superRefine(
      (p, ctx) => {
        // Runs even when other fields failed (`when`), so the value may be partly invalid: check types.
        if (typeof p !== 'object' || p === null || !(PROGRAMME_KINDS as readonly unknown[]).includes(p.kind))
          return;
        const overseas = OVERSEAS_KINDS.includes(p.kind);
        const country: unknown = p.destination_country;
        if (overseas && country === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: '@country_required',
            params: { kind: p.kind },
            path: ['destination_country'],
          });
        }
        if (!overseas && country !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: '@country_not_allowed',
            params: { kind: p.kind },
            path: ['destination_country'],
            input: country,
          });
        }
      },
      { when: () => true },
    );
}

export type ProgrammeSchema = ReturnType<typeof createProgrammeSchema>;
/** One programme as stored and served: validated and normalised. */
export type Programme = z.output<ProgrammeSchema>;
/** What an organisation writes (before normalisation). */
export type ProgrammeInput = z.input<ProgrammeSchema>;
export type ProgrammeQuestion = NonNullable<NonNullable<Programme['eligibility']>['questions']>[number];
