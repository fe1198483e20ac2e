// The real UI (ui/dist) in headless Chromium with the Tauri IPC mocked
// (tests/browser/mock-backend.ts). Run `npm run build && npm run test:browser`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(ui, '..', 'artifacts', 'ui');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const mockScript = join(ui, 'tests/browser/.build/mock-backend.js');

let server;
let browser;
let baseUrl;

before(async () => {
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM)`);
  assert.ok(existsSync(join(ui, 'dist/index.html')), 'ui/dist is missing: run `npm run build` first');
  await build({ configFile: join(ui, 'vite.mock.config.ts'), root: ui, logLevel: 'warn' });
  mkdirSync(artifacts, { recursive: true });
  // Serve with the app's own CSP, so anything it would block fails here too. The one
  // addition: the app's report previews come from its own URI scheme, the mock's from data:.
  const csp = framesFromData(JSON.parse(readFileSync(join(ui, '..', 'tauri.conf.json'), 'utf8')).app.security.csp);
  server = await preview({
    root: ui,
    configFile: join(ui, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': csp } },
    logLevel: 'warn',
  });
  baseUrl = server.resolvedUrls.local[0];
  // Playwright gives every launch a fresh temporary profile.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

function framesFromData(csp) {
  return /frame-src/.test(csp) ? csp.replace(/frame-src([^;]*)/, 'frame-src$1 data:') : `${csp}; frame-src data:`;
}

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page running the app over the mocked backend. */
async function openApp({ locale = 'en-US', mock = {}, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 800 } });
  await context.addInitScript((opts) => (window.__DOSSIER_MOCK_OPTIONS = opts), mock);
  await context.addInitScript({ path: mockScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  await page.goto(baseUrl);
  return { page, errors, close: () => context.close() };
}

const shot = (page, name) => page.screenshot({ path: join(artifacts, name) });
const callsOf = (page, cmd) => page.evaluate((c) => window.__dossierMock.calls.filter((x) => x.cmd === c), cmd);

describe('library', () => {
  test('lists, sorts, filters and opens articles with the keyboard', async () => {
    const { page, errors, close } = await openApp();
    await page.getByTestId('article-count').filter({ hasText: '40 articles' }).waitFor();
    const rows = page.locator('[data-testid=article-list] [role=option]');
    assert.ok((await rows.count()) > 5);
    await shot(page, 'library.png');

    await page.getByLabel('Sort by').selectOption('title');
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('[data-testid=article-list] .title')].map((e) => e.textContent);
      return titles.length > 2 && titles.every((t, i) => i === 0 || titles[i - 1].localeCompare(t) <= 0);
    });

    await page.getByLabel('Outlets').selectOption('Asia Tech Ledger');
    await page.getByTestId('article-count').filter({ hasText: '10 articles' }).waitFor();
    const listed = await page.locator('[data-testid=article-list] .meta').allTextContents();
    assert.ok(listed.every((m) => m.startsWith('Asia Tech Ledger')), listed.join('\n'));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('article-count').filter({ hasText: '40 articles' }).waitFor();

    await page.getByRole('button', { name: /Samples/ }).click();
    await page.getByTestId('article-count').filter({ hasText: '3 articles' }).waitFor();
    await page.getByRole('button', { name: 'All articles' }).click();

    // Nothing is selected before the user picks; the reader says how to pick.
    assert.equal(await page.locator('[data-testid=article-list] [aria-selected=true]').count(), 0);
    assert.equal(await page.getByTestId('reader-placeholder').textContent(), 'Click an article to read it.');
    // j/k move the selection and show the article they land on; Esc closes it.
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const rows0 = page.locator('[data-testid=article-list] [role=option]');
    assert.equal(await rows0.nth(0).getAttribute('aria-selected'), 'true');
    const selected = await rows0.nth(0).locator('.title').textContent();
    await page.getByTestId('reader').locator('h1').filter({ hasText: selected }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('reader').waitFor({ state: 'detached' });
    // Enter opens the selected row again.
    await page.keyboard.press('Enter');
    await page.getByTestId('reader').locator('h1').filter({ hasText: selected }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('reader').waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await close();
  });

  test('a click on an article opens it', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN' });
    const rows = page.locator('[data-testid=article-list] [role=option]');
    await rows.nth(3).locator('.title').waitFor();
    assert.equal(await page.getByTestId('reader-placeholder').textContent(), '点击一篇文章即可阅读。');
    const title = await rows.nth(3).locator('.title').textContent();
    await rows.nth(3).click();
    await page.getByTestId('reader').locator('h1').filter({ hasText: title }).waitFor();
    assert.equal(await rows.nth(3).getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByTestId('reader-placeholder').count(), 0);
    // Another click opens another.
    const next = await rows.nth(1).locator('.title').textContent();
    await rows.nth(1).click();
    await page.getByTestId('reader').locator('h1').filter({ hasText: next }).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  test('stays virtualised and pages its fetches with 100,000 articles', async () => {
    const { page, close } = await openApp({ mock: { articles: 100_000 } });
    await page.getByTestId('article-count').filter({ hasText: '100,000 articles' }).waitFor();
    const inDom = await page.locator('[data-testid=article-list] [role=option]').count();
    assert.ok(inDom < 80, `${inDom} rows in the DOM`);
    const list = page.getByTestId('article-list');
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator('#article-row-99999 .title').waitFor();
    const fetched = await callsOf(page, 'articles_list');
    assert.ok(fetched.length <= 4, `${fetched.length} page fetches`);
    assert.ok(fetched.every((c) => c.args.limit <= 200));
    assert.ok(fetched.some((c) => c.args.offset >= 99_800), JSON.stringify(fetched.map((c) => c.args.offset)));
    await close();
  });
});

describe('dates', () => {
  const lastCount = async (page) => (await callsOf(page, 'articles_count')).at(-1).args.filter;

  test('takes dates as people type them, in either language, and refuses what is none', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN' });
    await page.getByTestId('article-count').filter({ hasText: '40 篇文章' }).waitFor();
    // The outlet menu's default names outlets, not articles.
    assert.equal(await page.locator('#outlet-filter option').first().textContent(), '全部媒体');
    const from = page.getByTestId('date-from');
    const to = page.getByTestId('date-to');
    assert.equal(await from.getAttribute('type'), 'text');
    await from.fill('2025年2月');
    await from.press('Enter');
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'articles_count').at(-1).args.filter.published_from === '2025-02');
    assert.equal(await from.inputValue(), '2025-02');
    await to.fill('2025/2/14');
    await to.press('Tab');
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'articles_count').at(-1).args.filter.published_to === '2025-02-14');
    assert.equal(await to.inputValue(), '2025-02-14');
    await page.getByTestId('article-count').filter({ hasText: /^26 篇文章$/ }).waitFor();
    const dates = await page.locator('[data-testid=article-list] .meta').allTextContents();
    assert.ok(dates.every((m) => /2025-02-(0\d|1[0-4])/.test(m)), dates.join('\n'));
    // The range menu says the dates are set by hand.
    assert.equal(await page.getByTestId('date-range').locator('option:checked').textContent(), '按下方日期');

    // Not a date: said so beside the field, and the filter stays as it was.
    const asked = (await callsOf(page, 'articles_count')).length;
    await to.fill('2025-13');
    await to.press('Enter');
    await page.getByRole('alert').filter({ hasText: '“2025-13”不是日期' }).waitFor();
    assert.equal(await to.getAttribute('aria-invalid'), 'true');
    assert.equal((await callsOf(page, 'articles_count')).length, asked);
    await shot(page, 'dates-zh.png');
    await to.fill('');
    await to.press('Enter');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    assert.deepEqual(await lastCount(page), { outlet: null, published_from: '2025-02', published_to: null, collection: null, tag: null });
    assert.deepEqual(errors, []);
    await close();
  });

  test('offers ranges: this month, the last 90 days, a year', async () => {
    const { page, errors, close } = await openApp();
    await page.getByTestId('article-count').filter({ hasText: '40 articles' }).waitFor();
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const today = new Date();
    const ninety = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 90);
    for (const [name, from, to] of [
      ['The last 90 days', iso(ninety), iso(today)],
      ['This month', iso(today).slice(0, 7), iso(today).slice(0, 7)],
      ['Last year', String(today.getFullYear() - 1), String(today.getFullYear() - 1)],
    ]) {
      await page.getByTestId('date-range').selectOption({ label: name });
      await page.waitForFunction(([f, t]) => {
        const filter = window.__dossierMock.calls.filter((c) => c.cmd === 'articles_count').at(-1).args.filter;
        return filter.published_from === f && filter.published_to === t;
      }, [from, to]);
      assert.deepEqual([await page.getByTestId('date-from').inputValue(), await page.getByTestId('date-to').inputValue()], [from, to]);
    }
    // A year typed in both fields is that year, and the menu knows it.
    await page.getByTestId('date-range').selectOption({ label: 'Any time' });
    await page.getByTestId('date-from').fill('2025');
    await page.getByTestId('date-from').press('Enter');
    await page.getByTestId('date-to').fill('2025');
    await page.getByTestId('date-to').press('Enter');
    await page.getByTestId('article-count').filter({ hasText: /^40 articles$/ }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=date-from]').value === '');
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('search', () => {
  test('shows highlighted snippets as text, never as HTML', async () => {
    const { page, errors, close } = await openApp();
    await page.getByTestId('article-count').waitFor();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
    await page.keyboard.type('1206');
    const results = page.getByTestId('search-results');
    await results.locator('mark').first().waitFor();
    const marks = await results.locator('mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '1206'), marks.join(','));
    await page.getByText(/results for “1206”/).waitFor();
    await shot(page, 'search.png');

    // Markup in an article's text stays text.
    await page.evaluate(() => {
      window.__dossierMock.calls.length = 0;
    });
    await page.getByTestId('search').fill('<b>bold</b>');
    await results.locator('mark').filter({ hasText: '<b>bold</b>' }).waitFor();
    assert.equal(await results.locator('b, img').count(), 0);
    assert.match(await results.textContent(), /"window.__pwned=1"><b>bold<\/b>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // While searching, the order is relevance, and says so; another order sorts the results.
    await page.getByTestId('search').fill('inference');
    await page.getByText(/results for “inference”/).waitFor();
    const sort = page.getByTestId('sort');
    assert.equal(await sort.locator('option:checked').textContent(), 'Relevance');
    await sort.selectOption({ label: 'Date published' });
    await page.waitForFunction(() => {
      const dates = [...document.querySelectorAll('[data-testid=search-results] .meta')].map((e) => e.textContent.match(/\d{4}-\d\d-\d\d/)[0]);
      return dates.length > 2 && dates.every((d, i) => i === 0 || dates[i - 1] >= d);
    });
    await sort.selectOption({ label: 'Title' });
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('[data-testid=search-results] .title')].map((e) => e.textContent);
      return titles.length > 2 && titles.every((t, i) => i === 0 || titles[i - 1].localeCompare(t) <= 0);
    });
    // A new search starts in order of relevance again.
    await page.getByTestId('search').fill('');
    await page.getByTestId('search').fill('1206');
    await page.getByText(/results for “1206”/).waitFor();
    assert.equal(await sort.locator('option:checked').textContent(), 'Relevance');
    // Back in the list, the list's order is shown, and relevance is no choice there.
    await page.keyboard.press('Escape');
    await page.getByTestId('article-list').waitFor();
    assert.equal(await sort.locator('option:checked').textContent(), 'Date published');
    assert.equal(await sort.locator('option[value=relevance]').count(), 0);
    await page.keyboard.press('/');

    await page.getByTestId('search').fill('');
    await page.getByTestId('search').fill('zzzz-no-such-word');
    await page.getByText('Nothing found for “zzzz-no-such-word”.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('article-list').waitFor();
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('reader', () => {
  test('shows the header and finds text in the article', async () => {
    const { page, close } = await openApp();
    await page.locator('[data-testid=article-list] [role=option]').first().click();
    const reader = page.getByTestId('reader');
    await reader.locator('h1').waitFor();
    const header = await reader.locator('header').textContent();
    assert.match(header, /Source file: article-\d+\.txt/);
    assert.match(header, /2025-02-\d\d/);
    assert.match(header, /By (林思远|Laura Chen)/);
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find in article').fill('3.39');
    await page.getByTestId('find-count').filter({ hasText: '1 of 1' }).waitFor();
    assert.equal(await reader.locator('mark.current').textContent(), '3.39');
    await shot(page, 'reader.png');
    await page.getByLabel('Find in article').press('Escape');
    assert.equal(await reader.locator('mark').count(), 0);
    await close();
  });
});

describe('review and annotate', () => {
  /** Opens the first Chinese article (odd ids are Chinese) in the reader. */
  async function openChinese(page) {
    await page.locator('[data-testid=article-list] [role=option]').filter({ hasText: '（第' }).first().click();
    await page.getByTestId('reader').locator('h1').waitFor();
  }

  test('reviews facts with the keyboard: f focuses, y confirms, n rejects, e edits', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    await page.getByTestId('fact').first().waitFor();
    // The facts' values are marked in the text.
    assert.deepEqual(await page.locator('[data-testid=reader-text] .fact').allTextContents(), ['1206亿元', '3.39%']);
    // Metrics by their names in the interface language, not as stored.
    assert.deepEqual(await page.locator('[data-testid=fact] .metric').allTextContents(), ['Market size', 'Price change']);
    await page.keyboard.press('f');
    await page.keyboard.press('y');
    await page.getByTestId('fact').nth(0).and(page.locator('[data-status=confirmed]')).waitFor();
    // Review moved on to the second fact, whose value is flashed in the text.
    assert.equal(await page.locator('[data-testid=fact][aria-selected=true]').getAttribute('data-index'), '1');
    await page.locator('[data-testid=reader-text] .flash').waitFor();
    await page.keyboard.press('e');
    const subject = page.locator('[data-testid=facts-list] input[name=subject]');
    await subject.waitFor();
    assert.equal(await subject.evaluate((e) => e === document.activeElement), true);
    await subject.fill('半导体ETF（512480）');
    // The metric is chosen from the list, set to the fact's own.
    assert.equal(await page.locator('[data-testid=facts-list] select[name=metric]').inputValue(), 'price_change');
    // So is the qualifier, by its name.
    const qualifier = page.locator('[data-testid=facts-list] select[name=qualifier]');
    assert.equal(await qualifier.inputValue(), 'exact');
    assert.equal(await qualifier.locator('option:checked').textContent(), 'exactly');
    await subject.press('Enter');
    await page.getByTestId('fact').nth(1).and(page.locator('[data-status=edited]')).waitFor();
    assert.match(await page.getByTestId('fact').nth(1).textContent(), /半导体ETF（512480）/);
    await page.getByTestId('facts-list').focus();
    await page.keyboard.press('k');
    await page.keyboard.press('n');
    await page.getByTestId('fact').nth(0).and(page.locator('[data-status=rejected]')).waitFor();
    // A rejected fact is no longer marked in the text.
    assert.deepEqual(await page.locator('[data-testid=reader-text] .fact').allTextContents(), ['3.39%']);
    assert.equal(await page.getByTestId('facts-reviewed').textContent(), '2 of 2 reviewed');
    const edits = await callsOf(page, 'facts_edit');
    assert.equal(edits.at(-1).args.edit.subject, '半导体ETF（512480）');
    assert.equal(edits.at(-1).args.edit.metric, 'price_change');
    await shot(page, 'facts-review.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('edits the amount of a fact as written in either language, with the currency from a list', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN' });
    await openChinese(page);
    const fact = page.getByTestId('fact').first();
    await fact.waitFor();
    await page.getByTestId('facts-list').focus();
    await page.keyboard.press('e');
    const form = page.locator('[data-testid=facts-list] form');
    const value = form.locator('input[name=low]');
    // 1.206e11 shown as a Chinese reader writes it, not as 120600000000.
    assert.equal(await value.inputValue(), '1206亿');
    assert.equal(await form.locator('input[name=high]').inputValue(), '');
    const currency = form.locator('select[name=unit]');
    assert.equal(await currency.locator('option:checked').textContent(), 'CNY · 人民币');
    assert.ok((await currency.locator('option').count()) > 100, 'every ISO currency');
    await shot(page, 'fact-edit-zh.png');
    // What is no amount is said so, and nothing is saved.
    await value.fill('很多');
    await value.press('Enter');
    await form.getByRole('alert').filter({ hasText: '“很多”不是数额' }).waitFor();
    assert.equal((await callsOf(page, 'facts_edit')).length, 0);
    await value.fill('200亿');
    await currency.selectOption('USD');
    await value.press('Enter');
    await fact.and(page.locator('[data-status=edited]')).waitFor();
    const saved = (await callsOf(page, 'facts_edit')).at(-1).args.edit;
    assert.deepEqual([saved.low, saved.high, saved.unit], [2e10, 2e10, 'USD']);

    // In English the same figure reads 20 billion, and English is read too.
    await page.getByTestId('toggle-language').click();
    await page.getByTestId('facts-list').focus();
    await page.keyboard.press('e');
    assert.equal(await value.inputValue(), '20 billion');
    assert.equal(await currency.locator('option:checked').textContent(), 'USD · US Dollar');
    await value.fill('1.5 trillion');
    await form.locator('input[name=high]').fill('2万亿');
    await value.press('Enter');
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'facts_edit').length === 2);
    const range = (await callsOf(page, 'facts_edit')).at(-1).args.edit;
    assert.deepEqual([range.low, range.high], [1.5e12, 2e12]);
    assert.deepEqual(errors, []);
    await close();
  });

  test('makes a fact of a selection, filled in by the extractor, and selects it for review', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    await page.getByTestId('fact').first().waitFor();
    const before = await page.getByTestId('fact').count();
    // Select the first four characters of the paragraph after the headline.
    const chosen = await page.evaluate(() => {
      const piece = [...document.querySelectorAll('[data-testid=reader-text] [data-at]:not(p)')].find((e) => e.textContent.length > 8);
      const range = document.createRange();
      range.setStart(piece.firstChild, 0);
      range.setEnd(piece.firstChild, 4);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      piece.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return { at: Number(piece.dataset.at), text: piece.textContent.slice(0, 4) };
    });
    await page.getByTestId('compose').waitFor();
    await page.getByTestId('add-fact').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=fact]').length === n + 1, before);
    const created = (await callsOf(page, 'facts_create'))[0].args;
    assert.deepEqual([created.start, created.end], [chosen.at, chosen.at + 4]);
    // The facts tab shows the new fact, current and ready for review.
    assert.equal(await page.getByTestId('tab-facts').getAttribute('aria-selected'), 'true');
    const current = page.locator('[data-testid=fact][aria-selected=true]');
    assert.match(await current.textContent(), new RegExp(chosen.text));
    assert.deepEqual(errors, []);
    await close();
  });

  test('highlights a selection with a colour, tags and a comment; undo and redo it', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    // Select "1206亿元" in the text, as a mouse would.
    await page.evaluate(() => {
      const piece = [...document.querySelectorAll('[data-testid=reader-text] [data-at]')].find((e) => e.textContent === '1206亿元');
      const range = document.createRange();
      range.selectNodeContents(piece);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      piece.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    const compose = page.getByTestId('compose');
    await compose.waitFor();
    assert.equal(await compose.locator('blockquote').textContent(), '1206亿元');
    await compose.getByRole('radio', { name: 'green' }).click();
    await page.getByTestId('compose-tags').fill('市场规模, 芯片');
    await page.getByTestId('compose-comment').fill('Compare with the **2025** forecast <script>x</script>');
    await page.getByTestId('highlight').click();
    const note = page.getByTestId('note');
    await note.waitFor();
    assert.match(await note.textContent(), /1206亿元/);
    assert.match(await note.textContent(), /#市场规模/);
    // The comment's Markdown is drawn (bold), its markup stays text.
    const comment = page.getByTestId('note-comment');
    assert.equal(await comment.textContent(), 'Compare with the 2025 forecast <script>x</script>');
    assert.equal(await comment.locator('strong').textContent(), '2025');
    assert.equal(await comment.locator('script').count(), 0);
    const created = (await callsOf(page, 'annotations_create'))[0].args.note;
    assert.deepEqual([created.colour, created.tags], ['green', ['市场规模', '芯片']]);
    const highlighted = page.locator('[data-testid=reader-text] .note');
    assert.deepEqual(await highlighted.allTextContents(), ['1206亿元']);
    assert.match(await highlighted.getAttribute('style'), /--note-green/);
    // The tag shows in the sidebar once the article is closed.
    await page.keyboard.press('Escape');
    await page.getByTestId('tags').getByText('#市场规模').waitFor();
    await openChinese(page);
    await page.getByTestId('tab-notes').click();
    await page.getByTestId('delete-note').click();
    await note.waitFor({ state: 'detached' });
    await page.getByTestId('undo').click();
    await note.waitFor();
    await page.getByTestId('redo').click();
    await note.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await note.waitFor();
    await shot(page, 'notes.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('merges two entities and lists their facts together', async () => {
    const { page, errors, close } = await openApp();
    // Facts exist once articles were read; open one of each language.
    await openChinese(page);
    await page.getByTestId('fact').first().waitFor();
    await page.getByTestId('open-entities').click();
    const entities = page.getByTestId('entity');
    await entities.first().waitFor();
    await entities.filter({ hasText: '中国AI芯片' }).click();
    await page.getByTestId('entity-fact').first().waitFor();
    assert.equal(await page.getByTestId('entity-fact').count(), 1);
    await page.getByTestId('merge-into').selectOption({ label: '半导体ETF' });
    await page.getByTestId('merge').click();
    await page.getByTestId('entity-name').filter({ hasText: '半导体ETF' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=entity-fact]').length === 2);
    assert.match(await page.getByTestId('entity-aliases').textContent(), /中国AI芯片/);
    assert.equal(await entities.count(), 1);
    await shot(page, 'entities.png');

    // A company the extractor does not know, added by hand and then selected.
    await page.getByTestId('entity-new-name').fill('寒武纪');
    await page.getByTestId('entity-new-kind').selectOption('company');
    await page.getByTestId('entity-add').click();
    await page.getByTestId('entity-name').filter({ hasText: '寒武纪' }).waitFor();
    assert.equal(await entities.count(), 2);
    assert.equal(await page.getByTestId('entity-fact').count(), 0);
    // The same name again is refused with the core's message.
    await page.getByTestId('entity-new-name').fill('寒武纪');
    await page.getByTestId('entity-add').click();
    await page.getByTestId('error').filter({ hasText: 'already exists' }).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  test('deletes an entity after asking, and goes back to the list without it', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    await page.getByTestId('fact').first().waitFor();
    await page.getByTestId('open-entities').click();
    const entities = page.getByTestId('entity');
    await entities.filter({ hasText: '中国AI芯片' }).click();
    await page.getByTestId('entity-fact').first().waitFor();
    // Asked first; Cancel (which has the focus) keeps it.
    await page.getByTestId('entity-delete').click();
    const ask = page.getByTestId('entity-delete-ask');
    assert.match(await ask.textContent(), /Delete 中国AI芯片\?/);
    await shot(page, 'entity-delete.png');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('entity-name').textContent(), '中国AI芯片');
    assert.equal((await callsOf(page, 'entities_delete')).length, 0);

    await page.getByTestId('entity-delete').click();
    await page.getByTestId('entity-delete-confirm').click();
    await page.getByText('Pick a company, organisation or person').waitFor();
    await entities.filter({ hasText: '中国AI芯片' }).waitFor({ state: 'detached' });
    assert.equal(await entities.count(), 1);
    assert.deepEqual((await callsOf(page, 'entities_delete')).map((c) => c.args), [{ id: 1 }]);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('errors', () => {
  test('reach a Chinese interface in Chinese, by the reason the core gave', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN' });
    await page.getByTestId('open-entities').click();
    await page.getByTestId('entity').filter({ hasText: '中国AI芯片' }).click();
    // A name another entity goes by: the core refuses it, and says why.
    await page.getByLabel('改名').first().fill('512480');
    await page.getByRole('button', { name: '改名' }).click();
    const banner = page.getByTestId('error');
    await banner.waitFor();
    assert.match(await banner.textContent(), /^出错了\s*“512480”已是“半导体ETF”的名称；请改为合并这两个实体\s*关闭$/);
    assert.equal(await banner.locator('[lang=en]').count(), 0);
    await shot(page, 'error-zh.png');
    await banner.getByRole('button', { name: '关闭' }).click();
    await banner.waitFor({ state: 'detached' });

    // An import's failed file, in the import results.
    await page.getByTestId('import-files').click();
    await page.getByTestId('import-summary').waitFor();
    assert.match(await page.locator('[data-status=failed]').textContent(), /broken\.pdf.*PDF 不完整（缺少文件结束标记）/);

    // A failure with no reason (a bug, SQLite): its kind in Chinese, the core's words below.
    await page.evaluate(() => (window.__dossierMock.failures.entities_add = { kind: 'database', message: 'database error: disk I/O error' }));
    await page.getByTestId('entity-new-name').fill('寒武纪');
    await page.getByTestId('entity-add').click();
    await banner.waitFor();
    assert.match(await banner.textContent(), /^出错了\s*文库数据库出错。/);
    assert.equal(await banner.locator('[lang=en]').textContent(), 'database error: disk I/O error');
    assert.deepEqual(errors, []);
    await close();
  });

  test('a library in trouble is named in Chinese, with the file to fix or the backup to restore', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN' });
    const library = '/home/user/.local/share/com.dossier.desktop/library.sqlite';
    const backup = '/home/user/.local/share/com.dossier.desktop/backups/library-2025-02-14T083000Z-manual.sqlite';
    // A damaged library refuses an import: every chosen file says so, with the backup.
    await page.evaluate(([library, backup]) => {
      const detail = 'database disk image is malformed';
      window.__dossierMock.importRefusal.error = {
        kind: 'damaged',
        message: `the library is damaged (${detail}), so it is open read-only; to restore the newest backup, close Dossier and copy ${backup} over ${library}, deleting ${library}-wal and ${library}-shm`,
        reason: { code: 'damaged_read_only', detail, library, backup },
      };
    }, [library, backup]);
    await page.getByTestId('import-files').click();
    await page.getByTestId('import-summary').waitFor();
    const failed = page.locator('[data-status=failed]');
    assert.equal(await failed.count(), 2);
    const said = `文库已损坏（database disk image is malformed），因此以只读方式打开；如要恢复最新的备份，请关闭 Dossier，用 ${backup} 覆盖 ${library}，并删除 ${library}-wal 和 ${library}-shm`;
    for (const row of await failed.all()) assert.ok((await row.textContent()).includes(said), await row.textContent());
    await shot(page, 'error-damaged-zh.png');

    // A library that cannot be written refuses a change, naming the file.
    await page.evaluate((library) => {
      window.__dossierMock.failures.entities_add = {
        kind: 'read_only',
        message: `the library is read-only: ${library} is not writable`,
        reason: { code: 'library_file_not_writable', path: library },
      };
    }, library);
    await page.getByTestId('open-entities').click();
    await page.getByTestId('entity-new-name').fill('寒武纪');
    await page.getByTestId('entity-add').click();
    const banner = page.getByTestId('error');
    await banner.waitFor();
    assert.equal((await banner.textContent()).replace(/\s+/g, ' ').trim(), `出错了 文库为只读：${library} 不可写入 关闭`);
    await shot(page, 'error-read-only-zh.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('a library open read-only says so from the start, with the backup to restore', async () => {
    const library = '/home/user/.local/share/com.dossier.desktop/library.sqlite';
    const backup = '/home/user/.local/share/com.dossier.desktop/backups/library-2025-02-14T083000Z-manual.sqlite';
    const detail = 'database disk image is malformed';
    const readOnly = {
      kind: 'damaged',
      message: `the library is damaged (${detail}), so it is open read-only; to restore the newest backup, close Dossier and copy ${backup} over ${library}, deleting ${library}-wal and ${library}-shm`,
      reason: { code: 'damaged_read_only', detail, library, backup },
    };
    for (const [locale, heading, said] of [
      ['en-US', 'Read only: you can read, search and export this library, not change it.', readOnly.message],
      ['zh-CN', '只读：可以阅读、搜索和导出此文库，但不能修改。', `文库已损坏（${detail}），因此以只读方式打开`],
    ]) {
      const { page, errors, close } = await openApp({ locale, mock: { readOnly } });
      const banner = page.getByTestId('read-only');
      await banner.waitFor();
      const text = await banner.textContent();
      assert.ok(text.includes(heading) && text.includes(said), text);
      // The list is still there to read.
      await page.locator('[data-testid=article-list] [role=option]').first().waitFor();
      await shot(page, `read-only-${locale}.png`);
      assert.deepEqual(errors, []);
      await close();
    }
    // A library that can be changed shows no such line.
    const { page, close } = await openApp();
    await page.locator('[data-testid=article-list] [role=option]').first().waitFor();
    assert.equal(await page.getByTestId('read-only').count(), 0);
    await close();
  });
});

describe('entities after an import', () => {
  test('the entity page shows what an import added without being opened again', async () => {
    const { page, errors, close } = await openApp();
    // Facts exist once articles were read.
    await page.locator('[data-testid=article-list] [role=option]').filter({ hasText: '(no.' }).first().click();
    await page.getByTestId('fact').first().waitFor();
    await page.getByTestId('open-entities').click();
    const entities = page.getByTestId('entity');
    await entities.filter({ hasText: '中国AI芯片' }).click();
    await page.getByTestId('entity-fact').first().waitFor();
    const before = await page.getByTestId('entity-fact').count();
    assert.equal(await entities.filter({ hasText: '月之暗面' }).count(), 0);
    await page.getByTestId('import-files').click();
    await page.getByTestId('import-summary').waitFor();
    await entities.filter({ hasText: '月之暗面' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=entity-fact]').length === n + 1, before);
    assert.equal(await page.getByTestId('entity-name').textContent(), '中国AI芯片');
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('report builder', () => {
  async function openChinese(page) {
    await page.locator('[data-testid=article-list] [role=option]').filter({ hasText: '（第' }).first().click();
    await page.getByTestId('reader').locator('h1').waitFor();
    await page.getByTestId('fact').first().waitFor();
  }
  const lastRequest = async (page) => (await callsOf(page, 'report_preview')).at(-1).args.request;
  const counts = (page, text) => page.getByTestId('report-counts').filter({ hasText: text }).waitFor();
  const preview = (page) => page.frameLocator('[data-testid=report-preview]');

  test('opens from the reader, previews the report as the form changes, and goes back', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    const title = await page.getByTestId('reader').locator('h1').textContent();
    await page.getByTestId('report-article').click();
    await page.getByTestId('report-builder').waitFor();
    assert.equal(await page.getByTestId('scope-article').isChecked(), true);
    // Nothing reviewed yet: the preview says so and offers the unreviewed facts.
    await counts(page, '0 facts from 0 sources, 0 quotes');
    await page.getByTestId('report-empty').waitFor();
    const first = await lastRequest(page);
    assert.deepEqual(first.scope.kind, 'article');
    assert.equal(first.statuses, 'reviewed');
    assert.deepEqual([first.title, first.author, first.date, first.language], [null, null, null, null]);
    assert.deepEqual(first.sections, { facts: true, timeline: true, charts: true, quotes: true, sources: true });
    await page.getByTestId('include-unreviewed').click();
    await counts(page, '2 facts from 1 source, 0 quotes');
    await page.getByTestId('report-empty').waitFor({ state: 'detached' });
    assert.equal((await lastRequest(page)).statuses, 'not_rejected');
    // The report is shown without scripts, in an origin of its own.
    assert.equal(await page.getByTestId('report-preview').getAttribute('sandbox'), '');
    // The default title, from the article, is in the preview and is the title field's hint.
    await preview(page).locator('h1').filter({ hasText: title }).waitFor();
    assert.equal(await page.getByTestId('report-title').getAttribute('placeholder'), title);

    // Typing is previewed once the user pauses, not at every key.
    const before = (await callsOf(page, 'report_preview')).length;
    await page.getByTestId('report-title').pressSequentially('AI chips brief');
    await preview(page).locator('h1').filter({ hasText: 'AI chips brief' }).waitFor();
    const typed = (await callsOf(page, 'report_preview')).length - before;
    assert.ok(typed <= 2, `${typed} previews while typing`);
    await page.getByTestId('report-author').fill('Laura Chen');
    // The date is typed as people write it, and stored as ISO 8601.
    await page.getByTestId('report-date').fill('2025年3月14日');
    await page.getByTestId('report-date').press('Tab');
    assert.equal(await page.getByTestId('report-date').inputValue(), '2025-03-14');
    await page.getByTestId('section-timeline').uncheck();
    await page.getByTestId('section-sources').uncheck();
    await page.getByTestId('report-language').selectOption('en');
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'report_preview').at(-1).args.request.language === 'en');
    const changed = await lastRequest(page);
    assert.deepEqual([changed.title, changed.author, changed.date], ['AI chips brief', 'Laura Chen', '2025-03-14']);
    assert.deepEqual(changed.sections, { facts: true, timeline: false, charts: true, quotes: true, sources: false });
    await preview(page).locator('.byline').filter({ hasText: 'Laura Chen · 2025-03-14' }).waitFor();
    assert.equal(await preview(page).locator('h2').count(), 0, 'the sources section is left out');

    // Another scope: the collection, by name.
    await page.getByTestId('scope-collection').check();
    await counts(page, '6 facts from 3 sources, 0 quotes');
    assert.deepEqual((await lastRequest(page)).scope, { kind: 'collection', value: 'Samples · 示例' });
    assert.equal(await preview(page).locator('tr').count(), 7);
    await page.getByTestId('scope-search-text').fill('inference');
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'report_preview').at(-1).args.request.scope.kind === 'search');
    assert.deepEqual((await lastRequest(page)).scope, { kind: 'search', value: 'inference' });
    await page.getByTestId('scope-article').check();
    await counts(page, '2 facts from 1 source');
    await preview(page).locator('h1').filter({ hasText: 'AI chips brief' }).waitFor();
    await shot(page, 'report-builder.png');

    await page.keyboard.press('Escape');
    await page.getByTestId('report-builder').waitFor({ state: 'detached' });
    await page.getByTestId('reader').locator('h1').filter({ hasText: title }).waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  test('reports on facts selected with x in the facts panel and exports them', async () => {
    const { page, errors, close } = await openApp();
    await openChinese(page);
    await page.keyboard.press('f');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const boxes = page.getByTestId('fact-choose');
    assert.deepEqual([await boxes.nth(0).isChecked(), await boxes.nth(1).isChecked()], [true, true]);
    // The review keys still work alongside x.
    await page.keyboard.press('k');
    await page.keyboard.press('y');
    await page.getByTestId('fact').nth(0).and(page.locator('[data-status=confirmed]')).waitFor();
    await shot(page, 'facts-chosen.png');
    const articleId = (await callsOf(page, 'facts_list')).at(-1).args.articleId;
    const chosen = [articleId * 10, articleId * 10 + 1];
    await page.getByTestId('report-facts').filter({ hasText: 'Report on 2 selected' }).click();
    await page.getByTestId('report-builder').waitFor();
    assert.equal(await page.getByTestId('scope-facts').isChecked(), true);
    await counts(page, '2 facts from 1 source');
    assert.deepEqual((await lastRequest(page)).scope, { kind: 'facts', value: chosen });
    assert.equal(await preview(page).locator('tr').count(), 3);

    await page.getByTestId('export-docx').click();
    const done = page.getByTestId('export-done');
    await done.filter({ hasText: 'Saved to /home/user/Documents/report.docx' }).waitFor();
    const exported = (await callsOf(page, 'report_export')).at(-1).args;
    assert.equal(exported.format, 'docx');
    assert.equal(exported.title, 'Save the report');
    assert.deepEqual(exported.request.scope, { kind: 'facts', value: chosen });

    // Cancelled in the Save dialog: nothing is said.
    await page.evaluate(() => (window.__dossierMock.saveDialog.path = null));
    await page.getByTestId('export-pdf').click();
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'report_export').length === 2);
    await done.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('export-error').count(), 0);

    // Errors from the backend are shown, for an export and for a preview.
    await page.evaluate(() => {
      const [path, detail] = ['/mnt/readonly/report.xlsx', 'Permission denied (os error 13)'];
      window.__dossierMock.failures.report_export = { kind: 'io', message: `cannot write ${path}: ${detail}`, reason: { code: 'cannot_write', path, detail } };
    });
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-error').filter({ hasText: 'Export failed: cannot write /mnt/readonly/report.xlsx: Permission denied' }).waitFor();
    await page.evaluate(() => (window.__dossierMock.failures.report_preview = { kind: 'not_found', message: 'no fact with id 11', reason: { code: 'fact_not_found', id: 11 } }));
    await page.getByTestId('report-title').fill('Two figures');
    await page.getByTestId('preview-error').filter({ hasText: 'no fact with id 11' }).waitFor();
    assert.equal(await page.getByTestId('report-preview').count(), 0);
    await page.getByTestId('report-title').fill('Two figures, again');
    await preview(page).locator('h1').filter({ hasText: 'Two figures, again' }).waitFor();
    await shot(page, 'report-facts.png');

    // Back in the facts panel, where the keys work again.
    await page.keyboard.press('Escape');
    await page.getByTestId('report-builder').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'facts-list');
    // Confirming the first fact moved the review on to the second: x unticks that one.
    await page.keyboard.press('x');
    assert.deepEqual([await boxes.nth(0).isChecked(), await boxes.nth(1).isChecked()], [true, false]);
    assert.equal(await page.getByTestId('report-facts').textContent(), 'Report on 1 selected');
    assert.deepEqual(errors, []);
    await close();
  });

  test('opens from the header with the collection the library shows, in Chinese and dark', async () => {
    const { page, errors, close } = await openApp({ locale: 'zh-CN', colorScheme: 'dark' });
    await page.getByRole('button', { name: /Samples/ }).click();
    await page.getByTestId('article-count').filter({ hasText: '3 篇文章' }).waitFor();
    await page.getByTestId('open-report').click();
    assert.equal(await page.getByTestId('scope-collection').isChecked(), true);
    assert.equal(await page.getByTestId('scope-article').isDisabled(), true);
    await page.waitForFunction(() => window.__dossierMock.calls.some((c) => c.cmd === 'report_preview'));
    assert.deepEqual((await lastRequest(page)).scope, { kind: 'collection', value: 'Samples · 示例' });
    await page.getByTestId('include-unreviewed').click();
    await counts(page, '6 条事实，来自 3 个来源；0 条摘录');
    await preview(page).locator('h1').filter({ hasText: 'Samples · 示例' }).waitFor();
    await shot(page, 'report-builder-zh-dark.png');
    await page.getByTestId('report-back').click();
    await page.getByTestId('report-builder').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'open-report');
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('import', () => {
  test('shows a drop overlay while files are dragged over the window', async () => {
    const { page, close } = await openApp();
    await page.getByTestId('article-count').waitFor();
    await page.evaluate(() => window.__dossierMock.emit('tauri://drag-enter', { paths: ['/tmp/a.txt'], position: { x: 10, y: 10 } }));
    await page.getByTestId('drop-overlay').waitFor();
    assert.match(await page.getByTestId('drop-overlay').textContent(), /Drop files or folders/);
    await shot(page, 'drop-overlay.png');
    await page.evaluate(() => window.__dossierMock.emit('tauri://drag-leave', null));
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await close();
  });

  test('reports progress and per-file results', async () => {
    const { page, close } = await openApp();
    await page.getByTestId('article-count').filter({ hasText: '40 articles' }).waitFor();
    await page.getByTestId('import-files').click();
    await page.getByTestId('import-summary').waitFor();
    assert.equal(await page.getByTestId('import-summary').textContent(), '1 imported, 0 already in the library, 1 failed');
    const failed = page.locator('[data-status=failed]');
    assert.match(await failed.textContent(), /broken\.pdf.*truncated/);
    await page.getByTestId('article-count').filter({ hasText: '41 articles' }).waitFor();
    await shot(page, 'import-results.png');
    // An imported article's title opens it; a file that failed has nothing to open.
    assert.equal(await failed.getByTestId('import-open').count(), 0);
    const imported = page.locator('[data-status=imported]').getByTestId('import-open');
    const title = await imported.textContent();
    await imported.click();
    await page.getByTestId('reader').locator('h1').filter({ hasText: title }).waitFor();
    await page.getByRole('button', { name: 'Close import results' }).click();
    await page.getByRole('button', { name: 'Show last import' }).click();
    await page.getByTestId('import-summary').waitFor();
    await close();
  });
});

describe('first run and settings', () => {
  test('welcomes a new user and loads the sample library', async () => {
    const { page, close } = await openApp({ mock: { empty: true } });
    await page.getByTestId('welcome').waitFor();
    // Nothing to report on yet.
    assert.equal(await page.getByTestId('open-report').isDisabled(), true);
    await shot(page, 'welcome.png');
    await page.getByRole('button', { name: 'Load the sample library' }).click();
    await page.getByTestId('article-count').filter({ hasText: '6 articles' }).waitFor();
    await close();
  });

  test('a first start shows the sample library with a welcome that can be dismissed', async () => {
    const { page, close } = await openApp({ mock: { articles: 6, firstRun: true } });
    const banner = page.getByTestId('first-run');
    await banner.waitFor();
    assert.match(await banner.textContent(), /six sample articles/);
    await page.getByTestId('article-count').filter({ hasText: '6 articles' }).waitFor();
    await shot(page, 'first-run.png');
    await banner.getByRole('button', { name: 'Got it' }).click();
    await banner.waitFor({ state: 'detached' });
    await close();
  });

  test('shows a file opened with Dossier, whether it was imported before or after the page loaded', async () => {
    const { page, close } = await openApp({ mock: { opened: { id: 12, start: null, end: null } } });
    await page.locator('[data-testid=reader] h1').filter({ hasText: '(no. 12)' }).waitFor();
    await page.evaluate(() => window.__dossierMock.emit('article:open', { id: 5, start: null, end: null }));
    await page.locator('[data-testid=reader] h1').filter({ hasText: '第5期' }).waitFor();
    await close();
  });

  test('a link from a report shows the article and flashes the quote it cites', async () => {
    const { page, errors, close } = await openApp();
    await page.getByTestId('article-count').waitFor();
    // Code points of a quote in article 5, as an exported report's link gives them.
    const range = (quote) =>
      page.evaluate(async (q) => {
        const { text } = await window.__TAURI_INTERNALS__.invoke('articles_get', { id: 5 });
        const start = [...text.slice(0, text.indexOf(q))].length;
        return { id: 5, start, end: start + [...q].length };
      }, quote);
    const flashed = () => page.locator('[data-testid=reader-text] .flash').allTextContents().then((t) => t.join(''));
    await page.getByTestId('open-report').click();
    await page.evaluate((a) => window.__dossierMock.emit('article:open', a), await range('推理需求将持续增长'));
    await page.getByTestId('report-builder').waitFor({ state: 'detached' });
    await page.locator('[data-testid=reader] h1').filter({ hasText: '第5期' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=reader-text] .flash'));
    assert.equal(await flashed(), '推理需求将持续增长');
    // A quote across a fact's marked value flashes exactly, the mark's ends and all.
    await page.evaluate((a) => window.__dossierMock.emit('article:open', a), await range('1206亿元。半导体'));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=reader-text] .flash')].map((e) => e.textContent).join('') === '1206亿元。半导体');
    assert.equal(await page.locator('[data-testid=reader-text] .fact.flash').textContent(), '1206亿元');
    assert.deepEqual(errors, []);
    await close();
  });

  test('shows the data folder', async () => {
    const { page, close } = await openApp();
    await page.getByTestId('open-settings').click();
    assert.equal(await page.getByTestId('data-dir').textContent(), '/home/user/.local/share/com.dossier.desktop');
    await page.getByTestId('backup').click();
    assert.match(await page.getByTestId('backup-done').textContent(), /backups\/library-.*-manual\.sqlite/);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings').waitFor({ state: 'detached' });
    await close();
  });
});

describe('languages and themes', () => {
  test('follows a Chinese OS locale and switches to English', async () => {
    const { page, close } = await openApp({ locale: 'zh-CN' });
    await page.getByTestId('article-count').filter({ hasText: '40 篇文章' }).waitFor();
    assert.equal(await page.getByTestId('search').getAttribute('placeholder'), '搜索（按 / 键）');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.locator('[data-testid=article-list] [role=option]').first().click();
    await page.getByTestId('reader').waitFor();
    await shot(page, 'chinese.png');
    await page.getByTestId('toggle-language').click();
    // While reading, the sidebar (and its count) gives its room to the facts and notes.
    await page.waitForFunction(() => document.querySelector('[data-testid=search]').placeholder === 'Search (press /)');
    // The shell is told, so that the system's Open and Save dialogs speak it too.
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'settings_language').at(-1)?.args.language === 'en');
    assert.equal((await callsOf(page, 'settings_language'))[0].args.language, 'zh');
    assert.equal(await page.getByTestId('tab-facts').textContent().then((t) => t.startsWith('Facts')), true);
    // The dialogs' own titles come from the interface.
    await page.getByTestId('import-files').click();
    await page.getByTestId('import-summary').waitFor();
    assert.deepEqual((await callsOf(page, 'import_choose'))[0].args, { folders: false, title: 'Import files', kinds: 'Articles (text, Markdown, HTML, PDF, Word)' });
    await page.getByTestId('toggle-language').click();
    await page.getByRole('button', { name: '导入文件夹…' }).click();
    await page.waitForFunction(() => window.__dossierMock.calls.filter((c) => c.cmd === 'import_choose').length === 2);
    assert.deepEqual((await callsOf(page, 'import_choose'))[1].args, { folders: true, title: '导入文件夹', kinds: '文章（文本、Markdown、HTML、PDF、Word）' });
    await close();
  });

  test('follows a dark OS theme', async () => {
    const { page, close } = await openApp({ colorScheme: 'dark' });
    await page.getByTestId('article-count').waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(23, 24, 27)');
    await shot(page, 'dark.png');
    await close();
  });
});
