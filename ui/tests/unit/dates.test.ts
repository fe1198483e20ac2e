import { describe, expect, test } from 'vitest';
import { parseDate, range, rangeName } from '../../src/lib/dates';

describe('typed dates', () => {
  test('read as ISO 8601 to the precision typed', () => {
    const cases: [string, string][] = [
      ['2025', '2025'],
      ['2025-02', '2025-02'],
      ['2025-2', '2025-02'],
      ['2025/2/14', '2025-02-14'],
      ['2025.02.14', '2025-02-14'],
      ['2025-02-14', '2025-02-14'],
      ['20250214', '2025-02-14'],
      ['2025年', '2025'],
      ['2025年2月', '2025-02'],
      ['2025 年 2 月 14 日', '2025-02-14'],
      ['2025年2月14号', '2025-02-14'],
      ['２０２５年２月', '2025-02'],
      ['２０２５／２／１４', '2025-02-14'],
      ['Feb 2025', '2025-02'],
      ['February 14, 2025', '2025-02-14'],
      ['14 Feb 2025', '2025-02-14'],
    ];
    for (const [typed, iso] of cases) expect(parseDate(typed), typed).toBe(iso);
  });

  test('what names no date is refused', () => {
    for (const typed of ['', 'soon', '2025-13', '2025-02-30', '2025-2/14', '25-02', '2月', 'Foo 2025', '2024-02-30']) {
      expect(parseDate(typed), typed).toBeNull();
    }
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });
});

describe('named ranges', () => {
  const today = new Date(2025, 0, 15);
  test('run from and to the bounds a reader means', () => {
    expect(range('thisMonth', today)).toEqual({ from: '2025-01', to: '2025-01' });
    expect(range('lastMonth', today)).toEqual({ from: '2024-12', to: '2024-12' });
    expect(range('last90Days', today)).toEqual({ from: '2024-10-17', to: '2025-01-15' });
    expect(range('thisYear', today)).toEqual({ from: '2025', to: '2025' });
    expect(range('lastYear', today)).toEqual({ from: '2024', to: '2024' });
  });

  test('are recognised from their bounds', () => {
    expect(rangeName('2024', '2024', today)).toBe('lastYear');
    expect(rangeName('2024', null, today)).toBeNull();
    expect(rangeName(null, null, today)).toBeNull();
  });
});
