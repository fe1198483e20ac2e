import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { parseInline, parseMarkdown } from '../../src/lib/markdown';
import Comment from '../../src/reader/Comment.svelte';

describe('comment Markdown', () => {
  test('emphasis, code and links inline; what is no markup stays text', () => {
    expect(parseInline('Compare with the **2025** forecast <script>x</script>')).toEqual([
      { kind: 'text', text: 'Compare with the ' },
      { kind: 'strong', children: [{ kind: 'text', text: '2025' }] },
      { kind: 'text', text: ' forecast <script>x</script>' },
    ]);
    expect(parseInline('**融资**已完成，*约*30亿元')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: '融资' }] },
      { kind: 'text', text: '已完成，' },
      { kind: 'em', children: [{ kind: 'text', text: '约' }] },
      { kind: 'text', text: '30亿元' },
    ]);
    expect(parseInline('2 * 3 * 4 and snake_case_name')).toEqual([{ kind: 'text', text: '2 * 3 * 4 and snake_case_name' }]);
    expect(parseInline('`**not bold**` ~~old~~ \\*kept\\*')).toEqual([
      { kind: 'code', text: '**not bold**' },
      { kind: 'text', text: ' ' },
      { kind: 'del', children: [{ kind: 'text', text: 'old' }] },
      { kind: 'text', text: ' *kept*' },
    ]);
    expect(parseInline('[财报](https://example.com/q4) 第一行\n第二行')).toEqual([
      { kind: 'link', children: [{ kind: 'text', text: '财报' }], url: 'https://example.com/q4' },
      { kind: 'text', text: ' 第一行' },
      { kind: 'break' },
      { kind: 'text', text: '第二行' },
    ]);
  });

  test('paragraphs, lists, quotes and headings', () => {
    const blocks = parseMarkdown('# 核对\n\n- 智谱 **30亿**\n- 月之暗面\n\n1. first\n2. second\n\n> 原文如此\n\nplain\ntext');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'list', 'quote', 'paragraph']);
    expect(blocks[1]).toMatchObject({ kind: 'list', ordered: false });
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] });
    expect(blocks[3]).toMatchObject({ kind: 'quote', blocks: [{ kind: 'paragraph', content: [{ text: '原文如此' }] }] });
  });
});

describe('Comment', () => {
  let target: HTMLElement;
  let shown: Record<string, unknown> | undefined;
  afterEach(() => {
    if (shown) unmount(shown);
    target?.remove();
  });

  test('draws the Markdown as elements and never HTML', () => {
    target = document.createElement('div');
    document.body.append(target);
    shown = mount(Comment, { target, props: { text: 'Check **30亿** vs _the_ filing <img src=x onerror=alert(1)>\n\n- one\n- [two](https://e.com)' } });
    flushSync();
    expect(target.querySelector('strong')!.textContent).toBe('30亿');
    expect(target.querySelector('em')!.textContent).toBe('the');
    expect(target.querySelector('img')).toBeNull();
    expect(target.textContent).toContain('<img src=x onerror=alert(1)>');
    expect([...target.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two (https://e.com)']);
    // A link is shown with its address and opens nothing.
    expect(target.querySelector('a')).toBeNull();
  });
});
