// Script of our own in every frontmatter field and body text that reaches a page, the feed or
// the search index (test/site/hostile-archive.ts), built as a user builds (`npm run build` in
// a throwaway project with only these postmortems, so the build stays small), then every
// built page opened in headless Chromium, search included with its filters shown: nothing
// runs, and no payload becomes an element. The feed, with a document full of characters XML
// forbids beside it, must parse with a strict XML parser (Chromium's, libxml2's rules).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_ID, HOSTILE_CONFIG, SEARCH_WORD, controlCharacters, payloads, scriptEverywhere } from './hostile-archive.ts';
import { createTempProject, npmRun, type TempProject } from './project.ts';
import { serveStatic, type StaticServer } from './server.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const inCI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HOSTILE_SLUG = '2026-03-10-script-everywhere';
const CONTROL_SLUG = '2026-02-02-control-characters';

/** The little of the DOM the in-page functions use (the project compiles without the DOM library). */
interface Node {
  tagName: string;
  textContent: string | null;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Node> & Iterable<Node>;
  [property: string]: unknown;
}
interface InPage {
  __pwned?: unknown;
  document: Node & { documentElement: Node };
  DOMParser: new () => { parseFromString(text: string, type: string): Node & { documentElement: Node } };
}

/** Every element of the page that could run script: what a payload would have become. */
function scriptCapable(): string[] {
  const doc = (globalThis as unknown as InPage).document;
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    if (el.tagName === 'SCRIPT' && /__pwned|alert\(/.test(el.textContent ?? '')) found.push(`script: ${(el.textContent ?? '').slice(0, 60)}`);
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) found.push(el.tagName);
    // The site's own: the layout's empty icon (no request for /favicon.ico), Pagefind's search form.
    if (el.tagName === 'LINK' && el.getAttribute('rel') === 'icon' && el.getAttribute('href') === 'data:,') continue;
    if (el.tagName === 'FORM' && el.getAttribute('class')?.includes('pagefind-ui__form') && el.getAttribute('action') === 'javascript:void(0);') continue;
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}=${value.slice(0, 40)}]`);
      if (/^(?:href|src|action|formaction|xlink:href)$/i.test(name)) {
        const resolved = String(el[name] ?? value);
        if (/^\s*(?:javascript|vbscript|data):/i.test(value) || /^(?:javascript|vbscript|data):/i.test(resolved))
          found.push(`${el.tagName}[${name}=${value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

/** The built pages' URLs: every index.html as its folder, and the other .html files as they are. */
function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => `/${file.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

describe.runIf(existsSync(CHROMIUM) || inCI)('script in every field of a postmortem, in Chromium', () => {
  let project: TempProject;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    project = createTempProject(
      'hindsight-script-',
      { [`${HOSTILE_SLUG}.md`]: scriptEverywhere(), [`${CONTROL_SLUG}.md`]: controlCharacters() },
      { samples: false, rootFiles: { 'hindsight.config.json': HOSTILE_CONFIG } },
    );
    const build = await npmRun(project.dir, 'build');
    if (build.code !== 0) throw new Error(`npm run build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(path.join(project.dir, 'dist'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    project?.remove();
  });

  /** A page that records every dialog a payload would open. */
  async function open(url: string): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(`${server.url}${url}`);
    expect(response?.status(), url).toBeLessThan(400);
    // Broken images have fired their error events once the network is idle.
    await page.waitForLoadState('networkidle');
    return { page, dialogs };
  }

  async function expectNothingRan(page: Page, dialogs: string[], where: string): Promise<void> {
    // Markup inserted after the load (search results, filters) has had its images fail and
    // their error events dispatched: every image complete, then one more task.
    await page.waitForFunction(() => Array.from((globalThis as unknown as InPage).document.querySelectorAll('img')).every((img) => img.complete === true));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await page.evaluate(() => (globalThis as unknown as InPage).__pwned), where).toBeUndefined();
    expect(dialogs, where).toEqual([]);
    expect(await page.evaluate(scriptCapable), where).toEqual([]);
  }

  it('runs nothing on any built page, and shows the payloads as text', async () => {
    const pages = builtPages(path.join(project.dir, 'dist'));
    // Home, search, metrics, attention, rules, 404, both incidents, every label page and index.
    expect(pages.length).toBeGreaterThan(25);
    expect(pages).toContain(`/incidents/${HOSTILE_SLUG}/`);
    for (const url of pages) {
      const { page, dialogs } = await open(url);
      await expectNothingRan(page, dialogs, url);
      await page.close();
    }

    // The payloads did reach the incident page, each where it was put, as text.
    const { page } = await open(`/incidents/${HOSTILE_SLUG}/`);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const where of ['fm-title', 'severity', 'status', 'authors', 'services', 'tags', 'factors', 'trigger'])
      expect(text, where).toContain(payloads(where)[0]);
    for (const where of ['body-text', 'body-code', 'timeline-1', 'root', 'h3', 'item-text'])
      expect(text, where).toContain(`<img src=x onerror="window.__pwned='${where}'`);
    expect(await page.locator('.incident-aside').textContent()).toContain(payloads('services')[0]);
    // The timeline picture carries the entry's text as SVG text, escaped.
    expect(await page.locator('#timeline-figure svg').textContent()).toContain(`<img src=x onerror="window.__pwned='timeline-1'`);
    // A ticket becomes a link only when it is an http(s) URL: the javascript: one stays text.
    expect(await page.locator('#action-items').textContent()).toContain(`javascript:window.__pwned='item-ticket'`);
    const ticketLinks = await page.locator('#action-items a').evaluateAll((links) => links.map((a) => (a as unknown as Node).getAttribute('href') ?? ''));
    expect(ticketLinks.filter((href) => !href.startsWith('https://'))).toEqual([]);
    // The related incident is linked by its id.
    expect(await page.locator('#related a', { hasText: CONTROL_ID }).getAttribute('href')).toBe(`/incidents/${CONTROL_SLUG}/`);
    await page.close();

    // The learning pages show the same payloads as text: the factor and trigger labels, and
    // the action items' text and owners across the archive.
    for (const [url, where] of [
      ['/factors/', 'factors'],
      ['/triggers/', 'trigger'],
      ['/actions/', 'item-text'],
      ['/actions/', 'item-owner'],
    ] as const) {
      const { page: learning } = await open(url);
      expect((await learning.locator('main').textContent()) ?? '', `${url} ${where}`).toContain(`onerror="window.__pwned='${where}'`);
      await learning.close();
    }
    expect(pages).toEqual(expect.arrayContaining(['/actions/', '/factors/', '/triggers/', '/rules/recurrence/']));
  });

  it(`search: a word of the hostile postmortem lists it, its filters show every label as text, and nothing runs`, async () => {
    const { page, dialogs } = await open(`/search/?q=${SEARCH_WORD}`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toBe(`/incidents/${HOSTILE_SLUG}/`);
    expect(await result.textContent()).toContain(`Payload title <img src=x onerror="window.__pwned='fm-title'`);
    // Every filter group open: each label rendered, none of them as markup.
    await page.locator('.pagefind-ui__filter-panel').waitFor();
    for (const summary of await page.locator('details.pagefind-ui__filter-block:not([open]) > summary').all()) await summary.click();
    await page.locator('.pagefind-ui__filter-label').first().waitFor();
    await expectNothingRan(page, dialogs, 'search with the filters open');
    const labels = (await page.locator('.pagefind-ui__filter-label').allTextContents()).map((label) => label.replace(/\s*\(\d+\)\s*$/, '').trim());
    // Each label as written, its markup characters in their full-width forms (shared/search.ts).
    const fullWidth = (text: string): string => text.replace(/</g, '＜').replace(/>/g, '＞').replace(/&/g, '＆');
    for (const service of payloads('services')) expect(labels, service).toContain(fullWidth(service.replace(/\s+/g, ' ').trim()));
    expect(labels.find((label) => label.startsWith('SEV2 '))).toContain(fullWidth(payloads('severity')[0]!));
    expect(labels).toContain('2026');

    // Choosing the hostile service's filter renders the results again: still nothing runs.
    const checkbox = page.locator('.pagefind-ui__filter-value', { hasText: `＜svg onload="window.__pwned='services'` }).locator('input[type="checkbox"]');
    await checkbox.check();
    await expect.poll(() => page.locator('.pagefind-ui__filter-value--checked').count()).toBe(1);
    await expect.poll(() => page.locator('.pagefind-ui__result').count()).toBe(1);
    await expectNothingRan(page, dialogs, 'search filtered by a hostile service');
    await page.close();
  });

  it('the feed is XML: a strict parser reads it whole, with no character XML forbids and no executable markup', async () => {
    const feed = readFileSync(path.join(project.dir, 'dist', 'rss.xml'), 'utf8');
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const { DOMParser } = globalThis as unknown as InPage;
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelectorAll('parsererror')[0];
      const all = (root: Node, selector: string): Node[] => Array.from(root.querySelectorAll(selector));
      const items = all(doc, 'item').map((item) => {
        const content = (item.getElementsByTagName as (name: string) => ArrayLike<Node>)('content:encoded')[0]?.textContent ?? '';
        // What a feed reader would make of the content: elements and attributes that run script.
        const html = new DOMParser().parseFromString(content, 'text/html');
        const runnable = all(html, '*').flatMap((el) => [
          ...(el.tagName === 'SCRIPT' || el.tagName === 'svg' || el.tagName === 'IFRAME' ? [el.tagName] : []),
          ...el
            .getAttributeNames()
            .filter((name) => /^on/i.test(name) || /^\s*javascript:/i.test(el.getAttribute(name) ?? ''))
            .map((name) => `${el.tagName}[${name}]`),
        ]);
        return {
          title: all(item, 'title')[0]?.textContent ?? '',
          categories: all(item, 'category').map((c) => c.textContent ?? ''),
          content,
          text: html.documentElement.textContent ?? '',
          runnable,
        };
      });
      return { error: error ? error.textContent : null, items };
    }, feed);
    await page.close();
    expect(parsed.error).toBeNull();
    expect(parsed.items.length).toBe(2);
    const control = parsed.items.find((item) => item.title.startsWith('Control title'))!;
    expect(control.title).toMatch(/^Control title esc\[31mred\[0m bell nul vt ff del/);
    expect(control.categories).toContain('SEV3');
    // Nothing XML forbids anywhere in the feed, not as a character nor as a character reference.
    const forbidden =
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]|&#(?:x0*(?:[0-8bcef]|1[0-9a-f])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/i;
    expect(forbidden.test(feed)).toBe(false);
    for (const item of parsed.items) for (const text of [item.title, ...item.categories, item.content]) expect(forbidden.test(text)).toBe(false);
    // Its HTML content holds the payloads as text only: no element or attribute a feed reader would run.
    const hostile = parsed.items.find((item) => item.title.startsWith('Payload title'))!;
    expect(hostile.text).toContain(`<img src=x onerror="window.__pwned='body-text'`);
    for (const item of parsed.items) expect(item.runnable, item.title).toEqual([]);
    expect(hostile.categories).toContain(`javascript:window.__pwned='services';alert('services')`);
    expect(hostile.title).not.toContain('<');
  });
});
