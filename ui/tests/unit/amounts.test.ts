import { describe, expect, test } from 'vitest';
import { formatAmount, parseAmount } from '../../src/lib/amounts';
import { currencies, currencyLabel } from '../../src/lib/currencies';

describe('amounts', () => {
  test('read as analysts write them, in either language', () => {
    const cases: [string, number][] = [
      ['200亿', 2e10],
      ['20 billion', 2e10],
      ['20bn', 2e10],
      ['20B', 2e10],
      ['1.5万亿', 1.5e12],
      ['3000万', 3e7],
      ['3千万', 3e7],
      ['1.19亿', 1.19e8],
      ['二百亿', 2e10],
      ['十亿', 1e9],
      ['两千万', 2e7],
      ['300 million', 3e8],
      ['300m', 3e8],
      ['45k', 45000],
      ['2.5 trillion', 2.5e12],
      ['20,000,000,000', 2e10],
      ['2e10', 2e10],
      ['２００亿', 2e10],
      ['41.9%', 41.9],
      ['-3.5', -3.5],
    ];
    for (const [typed, value] of cases) expect(parseAmount(typed), typed).toBeCloseTo(value, 6);
  });

  test('what writes no amount is refused', () => {
    for (const typed of ['', 'lots', '20 bananas', '亿', '20 billion yuan', '1.2.3']) expect(parseAmount(typed), typed).toBeNull();
  });

  test('shown as the interface language writes them, and read back the same', () => {
    expect(formatAmount(2e10, 'zh')).toBe('200亿');
    expect(formatAmount(2e10, 'en')).toBe('20 billion');
    expect(formatAmount(1.5e12, 'zh')).toBe('1.5万亿');
    expect(formatAmount(1.19e8, 'zh')).toBe('1.19亿');
    expect(formatAmount(1.206e11, 'en')).toBe('120.6 billion');
    expect(formatAmount(12500, 'zh')).toBe('1.25万');
    expect(formatAmount(12500, 'en')).toBe('12,500');
    expect(formatAmount(41.9, 'zh')).toBe('41.9');
    expect(formatAmount(0.1 * 3, 'en')).toBe('0.3');
    for (const n of [2e10, 1.19e8, 3.39, 12500, 1.5e12, 987654321, 0.24, -2.5e9]) {
      for (const locale of ['zh', 'en'] as const) expect(parseAmount(formatAmount(n, locale)), `${n} ${locale}`).toBeCloseTo(n, 4);
    }
  });
});

describe('currencies', () => {
  test('the common ones first, then every ISO code the platform knows, named in the interface language', () => {
    const { common, other } = currencies();
    expect(common.slice(0, 3)).toEqual(['CNY', 'USD', 'HKD']);
    expect(other).toContain('CHF');
    expect(other).not.toContain('CNY');
    expect(currencyLabel('CNY', 'zh')).toBe('CNY · 人民币');
    expect(currencyLabel('USD', 'en')).toBe('USD · US Dollar');
    // A fact's own unit stays choosable even if the platform does not know it.
    expect(currencies('BTC').common[0]).toBe('BTC');
  });
});
