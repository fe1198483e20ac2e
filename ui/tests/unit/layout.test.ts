import { describe, expect, test } from 'vitest';
import { codePoints, slicePoints, unitOf } from '../../src/lib/codepoints';
import { headerParagraphs, layout, paragraphs, pointAt, selectedRange } from '../../src/reader/layout';

const pieces = (text: string, marks: { id: string; start: number; end: number }[], query = '') =>
  layout(text, marks, query).paragraphs.map((p) => p.pieces.map((x) => [x.text, x.start, x.marks.join('+'), x.match]));

describe('reader layout', () => {
  test('paragraphs keep their code-point starts', () => {
    expect(paragraphs('标题\n\n第一段\n\n第二段')).toEqual([
      { start: 0, text: '标题' },
      { start: 4, text: '第一段' },
      { start: 9, text: '第二段' },
    ]);
  });

  test('the headline and byline the header shows are counted, not shown twice', () => {
    const paras = paragraphs('智谱AI年内第三次融资落定\n\n申城财经报 记者 许嘉宁 北京报道\n\n12月下旬，智谱AI宣布完成新一轮融资。');
    expect(headerParagraphs(paras, '智谱AI年内第三次融资落定', ['许嘉宁'])).toBe(2);
    expect(headerParagraphs(paras, 'Another headline', ['许嘉宁'])).toBe(0);
    expect(headerParagraphs(paras, '智谱AI年内第三次融资落定', [])).toBe(1);
    // A long first paragraph that names the author is text, not a byline.
    const body = paragraphs('Title\n\n' + 'Laura Chen wrote about chips and markets at length. '.repeat(3));
    expect(headerParagraphs(body, 'Title', ['Laura Chen'])).toBe(1);
  });

  test('positions count code points, not UTF-16 units', () => {
    // 𠀀 (CJK extension B) is two UTF-16 units and one code point.
    expect(codePoints('a𠀀b')).toBe(3);
    expect(slicePoints('a𠀀bc', 1, 3)).toBe('𠀀b');
    expect([0, 1, 2, 3, 4, 5].map((p) => unitOf('a𠀀bc', p))).toEqual([0, 1, 3, 4, 5, 5]);
    expect(pieces('a𠀀bc', [{ id: 'h', start: 2, end: 3 }])).toEqual([
      [
        ['a𠀀', 0, '', null],
        ['b', 2, 'h', null],
        ['c', 3, '', null],
      ],
    ]);
  });

  test('overlapping marks split the text where each begins and ends', () => {
    const text = '智谱完成30亿元融资';
    expect(
      pieces(text, [
        { id: 'a', start: 0, end: 6 },
        { id: 'b', start: 4, end: 10 },
      ]),
    ).toEqual([
      [
        ['智谱完成', 0, 'a', null],
        ['30', 4, 'a+b', null],
        ['亿元融资', 6, 'b', null],
      ],
    ]);
  });

  test('a mark across a paragraph break covers both sides of it, and nothing between', () => {
    const laid = pieces('第一段\n\n第二段', [{ id: 'x', start: 2, end: 7 }]);
    expect(laid).toEqual([
      [
        ['第一', 0, '', null],
        ['段', 2, 'x', null],
      ],
      [
        ['第二', 5, 'x', null],
        ['段', 7, '', null],
      ],
    ]);
  });

  test('find matches are numbered across paragraphs, case-insensitively, beside marks', () => {
    const { paragraphs: laid, total } = layout('ETF rose 3.39%\n\nthe etf again', [{ id: 'm', start: 1, end: 6 }], 'etf');
    expect(total).toBe(2);
    expect(laid[0].pieces.map((p) => [p.text, p.match, p.marks.join()])).toEqual([
      ['E', 0, ''],
      ['TF', 0, 'm'],
      [' ro', null, 'm'],
      ['se 3.39%', null, ''],
    ]);
    expect(laid[1].pieces.filter((p) => p.match !== null).map((p) => [p.text, p.match])).toEqual([['etf', 1]]);
  });

  test('every character is kept', () => {
    const text = '2024年中国AI芯片市场规模约为1206亿元，同比增长41.9%。\n\n预计2025年将达1530亿元。';
    const { paragraphs: laid } = layout(text, [{ id: 'f', start: 17, end: 24 }], '亿元');
    expect(laid.map((p) => p.pieces.map((x) => x.text).join('')).join('\n\n')).toBe(text);
  });

  test('extra cuts split pieces without marking them, in code points', () => {
    // A quote to flash, [3, 6), over a mark [1, 4): pieces start at both ranges' ends.
    const { paragraphs: laid } = layout('a𠀀bcdefg', [{ id: 'f', start: 1, end: 4 }], '', [3, 6]);
    expect(laid[0].pieces.map((p) => [p.text, p.start, p.marks.join()])).toEqual([
      ['a', 0, ''],
      ['𠀀b', 1, 'f'],
      ['c', 3, 'f'],
      ['de', 4, ''],
      ['fg', 6, ''],
    ]);
  });

  test('an empty query matches nothing', () => {
    expect(layout('abc', [], '')).toEqual({
      paragraphs: [{ start: 0, pieces: [{ text: 'abc', start: 0, marks: [], match: null }] }],
      total: 0,
    });
  });
});

describe('selection to code points', () => {
  function render(text: string, marks: { id: string; start: number; end: number }[]) {
    const root = document.createElement('div');
    for (const p of layout(text, marks, '').paragraphs) {
      const para = document.createElement('p');
      para.dataset.at = String(p.start);
      for (const piece of p.pieces) {
        const span = document.createElement('span');
        span.dataset.at = String(piece.start);
        span.textContent = piece.text;
        para.append(span);
      }
      root.append(para);
    }
    document.body.replaceChildren(root);
    return root;
  }

  test('a selection inside and across pieces gives the code points it covers', () => {
    const text = '𠀀智谱完成30亿元融资\n\n阶跃星辰完成B轮融资';
    const root = render(text, [{ id: 'a', start: 3, end: 7 }]);
    const spans = root.querySelectorAll('span');
    const range = document.createRange();
    range.setStart(spans[0].firstChild!, 3); // after 𠀀智 (three UTF-16 units)
    range.setEnd(spans[1].firstChild!, 2); // after 完成
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const got = selectedRange(selection)!;
    expect(slicePoints(text, got.start, got.end)).toBe('谱完成');

    // Triple-click style: from a piece to the start of the next paragraph.
    range.setStart(spans[1].firstChild!, 0);
    range.setEnd(root.querySelectorAll('p')[1], 0);
    expect(pointAt(range.endContainer, range.endOffset)).toBe(13);
    expect(selectedRange(selection)).toEqual({ start: 3, end: 13 });
  });

  test('outside the text, or empty, there is no selection', () => {
    render('abc', []);
    const outside = document.createElement('div');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    const range = document.createRange();
    range.setStart(outside.firstChild!, 0);
    range.setEnd(outside.firstChild!, 4);
    selection.addRange(range);
    expect(selectedRange(selection)).toBeNull();
    selection.collapse(document.querySelector('span')!.firstChild!, 1);
    expect(selectedRange(selection)).toBeNull();
  });
});
