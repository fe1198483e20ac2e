import { describe, expect, test } from 'vitest';
import { findSegments, paragraphs } from '../../src/lib/find';

describe('find in article', () => {
  test('splits text into paragraphs at blank lines', () => {
    expect(paragraphs('标题\n\n第一段\n\n\n  第二段  \n')).toEqual(['标题', '第一段', '第二段']);
  });

  test('numbers matches across paragraphs, case-insensitively', () => {
    const { segments, total } = findSegments(['ETF rose 3.39%', 'the etf, again: ETF'], 'etf');
    expect(total).toBe(3);
    expect(segments[0]).toEqual([
      { text: 'ETF', match: 0 },
      { text: ' rose 3.39%', match: null },
    ]);
    expect(segments[1].filter((s) => s.match !== null).map((s) => [s.text, s.match])).toEqual([
      ['etf', 1],
      ['ETF', 2],
    ]);
  });

  test('finds Chinese text and keeps every character', () => {
    const para = '2024年中国AI芯片市场规模约为1206亿元，同比增长';
    const { segments, total } = findSegments([para], '1206亿元');
    expect(total).toBe(1);
    expect(segments[0].map((s) => s.text).join('')).toBe(para);
  });

  test('an empty query matches nothing', () => {
    expect(findSegments(['abc'], '')).toEqual({ segments: [[{ text: 'abc', match: null }]], total: 0 });
  });
});
