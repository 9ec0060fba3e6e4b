import { describe, expect, it } from 'vitest';
import { tFor } from '../../i18n';
import { BarChart } from './bars';
import { barLength, formatCount, formatPercent, percentOf } from './format';
import { FunnelChart } from './funnel';
import { GoalChart } from './goal';
import { topWithRest } from './group';

/*
 * The chart components rendered to HTML: the numbers are printed (in the SVG text, its <desc> and the
 * table), the SVG is one accessible image, and the edge cases — nothing, one category, 100 % — draw
 * sensibly without NaN.
 */

const t = tFor('id', 'dashboard');
const html = (node: unknown) => String(node);

/** The width of each drawn bar (the second rect of a row; the first is its track). */
function barWidths(svg: string): number[] {
  const rects = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill="(#[0-9a-f]{6})"/g)];
  return rects.filter((r) => r[2] !== '#e6ebf1').map((r) => Number(r[1]));
}

describe('number formatting', () => {
  it('prints Indonesian and English numbers and never divides by zero', () => {
    expect(formatCount(1234567, 'id')).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 0)).toBe(0);
    expect(formatPercent(33.3, 'id')).toBe('33,3%');
    expect(formatPercent(33.3, 'en')).toBe('33.3%');
    expect(barLength(0, 10, 360)).toBe(0);
    expect(barLength(1, 1000, 360)).toBe(2); // a sliver, never invisible
    expect(barLength(15, 10, 360)).toBe(360); // clamped to the track
    expect(barLength(3, 0, 360)).toBe(0);
  });
});

describe('BarChart', () => {
  it('is one named, described image with the numbers as text and in a table', () => {
    const out = html(
      BarChart({
        id: 'gender',
        title: 'Pendaftar menurut jenis kelamin',
        t,
        locale: 'id',
        items: [
          { label: 'Perempuan', value: 5 },
          { label: 'Laki-laki', value: 3 },
        ],
      }),
    );
    expect(out).toContain('role="img"');
    expect(out).toContain('aria-labelledby="gender-title gender-desc"');
    expect(out).toContain('<title id="gender-title">Pendaftar menurut jenis kelamin</title>');
    expect(out).toContain(
      '<desc id="gender-desc">Total 8. Perempuan: 5 (62,5%); Laki-laki: 3 (37,5%).</desc>',
    );
    expect(out).toContain('>5 (62,5%)</text>');
    expect(out).toContain('>3 (37,5%)</text>');
    expect(out).toContain('<th scope="row">Perempuan</th><td>5</td><td>62,5%</td>');
    expect(out).toContain('<th scope="row">Total</th><td>8</td><td>100%</td>');
    expect(barWidths(out)).toEqual([320, 192]);
    expect(out).not.toContain('NaN');
  });

  it('says there is no data when everything is zero, or nothing is given', () => {
    const zero = html(
      BarChart({ id: 'z', title: 'Disabilitas', t, locale: 'id', items: [{ label: 'Ya', value: 0 }] }),
    );
    expect(zero).toContain('<desc id="z-desc">Belum ada data.</desc>');
    expect(zero).toContain('>0 (0%)</text>');
    expect(barWidths(zero)).toEqual([0]);
    expect(zero).not.toContain('NaN');
    const none = html(BarChart({ id: 'n', title: 'Provinsi', t, locale: 'id', items: [] }));
    expect(none).toContain('Belum ada data.');
    expect(none).toContain('viewBox="0 0 320 50"');
  });

  it('draws one category at full width and 100 %', () => {
    const out = html(
      BarChart({ id: 'one', title: 'Provinsi', t, locale: 'id', items: [{ label: 'Jawa Timur', value: 7 }] }),
    );
    expect(out).toContain('>7 (100%)</text>');
    expect(barWidths(out)).toEqual([320]);
  });

  it('takes shares of a given total and escapes labels', () => {
    const out = html(
      BarChart({
        id: 'p',
        title: 'Provinsi <b>',
        t,
        locale: 'en',
        total: 10,
        items: [{ label: '<script>alert(1)</script>', value: 4 }],
      }),
    );
    expect(out).toContain('>4 (40%)</text>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('Provinsi &lt;b&gt;');
  });
});

describe('FunnelChart', () => {
  it('prints each stage with its share of the first and of the one before', () => {
    const out = html(
      FunnelChart({
        id: 'f',
        title: 'Corong rekrutmen',
        t,
        locale: 'id',
        stages: [
          { label: 'Dijangkau', value: 17 },
          { label: 'Mengecek syarat', value: 11 },
          { label: 'Mendaftar', value: 8 },
          { label: 'Diterima', value: 3 },
        ],
      }),
    );
    expect(out).toContain(
      '<desc id="f-desc">Dijangkau: 17; Mengecek syarat: 11 (64,7% dari tahap pertama); Mendaftar: 8 (47,1% dari tahap pertama); Diterima: 3 (17,6% dari tahap pertama).</desc>',
    );
    expect(out).toContain('>1. Dijangkau</text>');
    expect(out).toContain('>11 (64,7%)</text>');
    expect(out).toContain('<th scope="row">Mendaftar</th><td>8</td><td>47,1%</td><td>72,7%</td>');
    expect(out).toContain('<th scope="row">Dijangkau</th><td>17</td><td>100%</td><td>—</td>');
    // Centred bars: the first fills the width.
    expect(out).toContain('x="0" y="22" width="320"');
  });

  it('handles an empty funnel without NaN', () => {
    const out = html(
      FunnelChart({
        id: 'e',
        title: 'Corong',
        t,
        locale: 'id',
        stages: [
          { label: 'Dijangkau', value: 0 },
          { label: 'Diterima', value: 0 },
        ],
      }),
    );
    expect(out).toContain('<desc id="e-desc">Belum ada data.</desc>');
    expect(out).not.toContain('NaN');
    expect(out).toContain('<td>0</td><td>0%</td><td>0%</td>');
  });
});

describe('GoalChart', () => {
  it('shows a share against its target line, met or not, in words', () => {
    const out = html(
      GoalChart({
        id: 'w',
        title: 'Kuota perempuan',
        t,
        locale: 'id',
        unit: 'percent',
        value: 40,
        goal: 50,
        detail: '12 dari 30 peserta adalah perempuan (40%).',
      }),
    );
    expect(out).toContain('>40%</text>');
    // The verdict is page text under the drawing (it wraps on a phone), and part of the description.
    expect(out).toContain('class="chart-missing">Belum tercapai, kurang 10 poin persen.</strong>');
    expect(out).toContain('<line x1="160" x2="160"');
    expect(out).toContain('text-anchor="middle">Target 50%</text>');
    expect(out).toContain(
      '<desc id="w-desc">12 dari 30 peserta adalah perempuan (40%). Target 50%. Belum tercapai, kurang 10 poin persen.</desc>',
    );
    expect(barWidths(out)).toEqual([128]);
  });

  it('draws 100 % to the end of the track, with the line kept inside it', () => {
    const out = html(
      GoalChart({
        id: 'h',
        title: 'Kuota',
        t,
        locale: 'id',
        unit: 'percent',
        value: 100,
        goal: 100,
        detail: 'x',
      }),
    );
    expect(out).toContain('>100%</text>');
    expect(out).toContain('class="chart-met">Tercapai.</strong>');
    expect(out).toContain('<line x1="318.5" x2="318.5"');
    expect(out).toContain('text-anchor="end">Target 100%</text>');
    expect(barWidths(out)).toEqual([320]);
  });

  it('scales counts to the goal, or beyond it when exceeded', () => {
    const under = html(
      GoalChart({
        id: 'c',
        title: 'Peserta',
        t,
        locale: 'id',
        unit: 'count',
        value: 7,
        goal: 10,
        detail: '',
      }),
    );
    expect(under).toContain('>7 dari 10</text>');
    expect(under).toContain('Belum tercapai, kurang 3');
    expect(barWidths(under)).toEqual([224]);
    const over = html(
      GoalChart({
        id: 'o',
        title: 'Peserta',
        t,
        locale: 'id',
        unit: 'count',
        value: 1500,
        goal: 1000,
        detail: '',
      }),
    );
    expect(over).toContain('>1.500 dari 1.000</text>');
    expect(over).toContain('>Tercapai.</strong>');
    expect(over).toContain('<line x1="213.3" x2="213.3"');
  });

  it('follows the service on a share of nobody, and draws no line without a goal', () => {
    const nobody = html(
      GoalChart({
        id: 'n',
        title: 'Kuota',
        t,
        locale: 'id',
        unit: 'percent',
        value: 0,
        goal: 0,
        met: false,
        detail: '',
      }),
    );
    expect(nobody).toContain('Belum tercapai');
    expect(nobody).not.toContain('NaN');
    const free = html(
      GoalChart({
        id: 'f',
        title: 'Peserta',
        t,
        locale: 'id',
        unit: 'count',
        value: 0,
        goal: null,
        detail: '',
      }),
    );
    expect(free).toContain('<strong>Tanpa target.</strong>');
    expect(free).not.toContain('<line');
    expect(free).toContain('<td>—</td>');
  });

  it('speaks English', () => {
    const out = html(
      GoalChart({
        id: 'e',
        title: "Women's quota",
        t: tFor('en', 'dashboard'),
        locale: 'en',
        unit: 'percent',
        value: 33.3,
        goal: 50,
        detail: '',
      }),
    );
    expect(out).toContain('>33.3%</text>');
    expect(out).toContain('Not met yet, 16.7 percentage points to go');
  });
});

describe('topWithRest', () => {
  it('keeps the ten largest, sums the rest and puts unknown last', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      label: `P${String(i).padStart(2, '0')}`,
      value: 12 - i,
    }));
    const out = topWithRest(items, 10, 'Lainnya', { label: 'Tidak diketahui', value: 4 });
    expect(out).toHaveLength(12);
    expect(out[0]).toEqual({ label: 'P00', value: 12 });
    expect(out[10]).toEqual({ label: 'Lainnya', value: 2 + 1 });
    expect(out[11]).toEqual({ label: 'Tidak diketahui', value: 4 });
    expect(out.reduce((s, i) => s + i.value, 0)).toBe(items.reduce((s, i) => s + i.value, 0) + 4);
  });

  it('adds no empty rest and drops empty categories', () => {
    expect(
      topWithRest(
        [
          { label: 'Bali', value: 2 },
          { label: 'Aceh', value: 2 },
          { label: 'Papua', value: 0 },
        ],
        10,
        'Lainnya',
        { label: '?', value: 0 },
      ),
    ).toEqual([
      { label: 'Aceh', value: 2 },
      { label: 'Bali', value: 2 },
    ]);
  });
});
