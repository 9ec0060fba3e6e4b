import { z } from 'zod';
import { isValidRegionCode } from '../regions';
import { CHANNELS } from './conversation';
import { EDUCATION_LEVELS, FIELDS, GENDERS, PROGRAMME_KINDS } from './vocabulary';

/*
 * The shapes organisations send: the audience filter and the text of a broadcast. One zod schema each,
 * used by the service, the API's validation and the OpenAPI document.
 */

const provinceCode = z
  .string()
  .regex(/^\d{2}$/, 'a province code such as "35" (Jawa Timur)')
  .refine(isValidRegionCode, 'unknown province code');
const regencyCode = z
  .string()
  .regex(/^\d{2}\.\d{2}$/, 'a regency/city code such as "35.78" (Kota Surabaya)')
  .refine(isValidRegionCode, 'unknown regency code');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a programme slug ([a-z0-9-])');

export const audienceSchema = z
  .strictObject({
    provinces: z
      .array(provinceCode)
      .max(40)
      .optional()
      .describe('Domicile in any of these provinces (or in one of `regencies`).'),
    regencies: z
      .array(regencyCode)
      .max(100)
      .optional()
      .describe('Domicile in any of these regencies/cities.'),
    gender: z.enum(GENDERS).optional(),
    age: z
      .strictObject({
        min: z.number().int().min(10).max(100).optional(),
        max: z.number().int().min(10).max(100).optional(),
      })
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'age.min > age.max')
      .optional()
      .describe('Completed years today (Asia/Jakarta).'),
    education: z
      .strictObject({
        min: z.enum(EDUCATION_LEVELS).optional(),
        max: z.enum(EDUCATION_LEVELS).optional(),
      })
      .optional()
      .describe('Highest level completed: SD < SMP < SMA (= SMK, MA) < D1 < D2 < D3 < S1 < S2 < S3.'),
    interests: z
      .array(z.enum(FIELDS))
      .max(FIELDS.length)
      .optional()
      .describe('Fields the person subscribed to or the interest quiz recommended.'),
    channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('Default: every channel.'),
    eligible_for: slug
      .optional()
      .describe('Only people whose profile qualifies for this programme of the organisation.'),
    include_incomplete: z
      .boolean()
      .optional()
      .describe('With `eligible_for`: also people whose profile lacks an answer the programme needs.'),
  })
  .describe('Who receives a broadcast: opted-in, active people matching every given filter.');
export type AudienceFilter = z.infer<typeof audienceSchema>;

export const broadcastTextSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(3000).describe('Indonesian text (required).'),
    en: z.string().trim().min(1).max(3000).optional().describe('English text for people using English.'),
  })
  .describe('The message per language; the programme card link and an apply hint are added below it.');
export type BroadcastText = z.infer<typeof broadcastTextSchema>;

export const TOPIC_KINDS = PROGRAMME_KINDS;
