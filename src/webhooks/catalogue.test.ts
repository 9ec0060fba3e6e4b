import { describe, expect, it } from 'vitest';
import {
  ALWAYS_SENT,
  EVENT_DATA,
  EVENT_DESCRIPTIONS,
  EVENT_EXAMPLES,
  eventBody,
  SUBSCRIBABLE_EVENTS,
} from './catalogue';

describe('the event catalogue', () => {
  it('has a schema, a description and a fitting example for every event', () => {
    for (const type of [...SUBSCRIBABLE_EVENTS, ...ALWAYS_SENT]) {
      expect(EVENT_DESCRIPTIONS[type], type).toBeTruthy();
      const parsed = EVENT_DATA[type].safeParse(EVENT_EXAMPLES[type]);
      expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('never describes a NIK, a name, a phone number or an address in any event', () => {
    const text = JSON.stringify(Object.values(EVENT_DATA).map((schema) => schema.toJSONSchema()));
    for (const field of ['nik', 'full_name', 'phone', 'email', 'address', 'birth'])
      expect(text.toLowerCase()).not.toContain(`"${field}"`);
  });

  it('writes the body as Standard Webhooks does: type, timestamp (UTC), data', () => {
    expect(JSON.parse(eventBody('handoff.waiting', new Date('2026-12-03T10:00:00+07:00'), { a: 1 }))).toEqual(
      {
        type: 'handoff.waiting',
        timestamp: '2026-12-03T03:00:00.000Z',
        data: { a: 1 },
      },
    );
  });
});
