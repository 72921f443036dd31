// The archive site in real headless Chromium. One build (`npm run build` in a throwaway copy
// of the project whose postmortems are the samples plus a hostile one), one browser, the
// built site served on 127.0.0.1. Screenshots go to test-output/site/ for a person to look at.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build.ts';
import { createTempProject, npmRun, repoRoot, samplesDir, type TempProject } from './project.ts';
import { serveStatic, type StaticServer } from './server.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const inCI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const haveChromium = existsSync(CHROMIUM);
const SHOTS = path.join(repoRoot, 'test-output', 'site');
const HOSTILE_SLUG = 'zz-hostile';
/** Every class of the OWASP XSS Filter Evasion Cheat Sheet that Markdown can carry, 80 vectors. */
const OWASP_SLUG = 'zz-owasp-xss';
const OWASP_VECTORS = 80;
/** A loosely written postmortem: "14:02 UTC - …" timeline lines, no list markers, no dates, no stated start. */
const LOOSE_SLUG = 'zz-loose-timeline';
/** Page types screenshot in light at desktop width (besides dark, which every axe-checked page gets). */
const LIGHT_SHOTS = new Set(['metrics', 'actions', 'service', 'factor', 'rules', 'rule']);
/** The learning pages screenshot at phone width, by URL. */
const PHONE_SHOTS: Record<string, string> = {
  '/actions/': 'actions',
  '/services/checkout-api/': 'service',
  '/factors/pasted-markup/': 'factor',
  '/rules/': 'rules',
  '/rules/recurrence/': 'rule',
};
/** The postmortems built beside the samples. */
const EXTRA = 3;

/** An element as the in-page functions read its attributes. */
interface Attributes {
  getAttribute(name: string): string | null;
}

/** What the in-page functions read (the project compiles without the DOM library). */
interface InPage {
  __pwned?: unknown;
  document: { documentElement: { scrollWidth: number; clientWidth: number }; activeElement: { textContent: string | null; id: string } | null };
}

interface Sample {
  slug: string;
  title: string;
  severity: string;
}

const samples: Sample[] = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const file = path.join(samplesDir, name);
    const { model } = buildModel(file, readFileSync(file, 'utf8'));
    const fm = model.frontmatter.data ?? {};
    return { slug: name.replace(/\.md$/, ''), title: model.title ?? name, severity: String(fm.severity ?? '') };
  });

if (!haveChromium && inCI) {
  describe('archive site in Chromium', () => {
    it('has Chromium at /usr/bin/chromium (required under CI)', () => {
      throw new Error(`${CHROMIUM} is missing: the browser tests cannot run. Install Debian's chromium package (see .ci/run).`);
    });
  });
} else if (!haveChromium) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the archive site's browser tests: ${CHROMIUM} not found.\n!! Install Chromium (apt-get install chromium) to run them; under CI=true they fail.\n${'!'.repeat(78)}\n`,
  );
  describe.skip('archive site in Chromium (skipped: no Chromium)', () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('archive site in Chromium', () => {
    let project: TempProject;
    let server: StaticServer;
    let browser: Browser;
    let context: BrowserContext;
    let buildLog = '';

    beforeAll(async () => {
      const fixture = (name: string): string => readFileSync(path.join(repoRoot, 'test', 'site', 'fixtures', name), 'utf8');
      project = createTempProject('hindsight-site-', {
        [`${HOSTILE_SLUG}.md`]: fixture('hostile.md'),
        [`${OWASP_SLUG}.md`]: fixture('owasp-xss.md'),
        [`${LOOSE_SLUG}.md`]: fixture('loose-timeline.md'),
      });
      const build = await npmRun(project.dir, 'build');
      buildLog = `${build.stdout}\n${build.stderr}`;
      if (build.code !== 0) throw new Error(`npm run build failed (exit ${build.code}):\n${buildLog}`);
      server = await serveStatic(path.join(project.dir, 'dist'));
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(120_000);
      mkdirSync(SHOTS, { recursive: true });
    }, 900_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
      project?.remove();
    });

    /** A browser context whose waits (navigation, actions) a busy machine does not run out. */
    async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
      const created = await browser.newContext(options);
      created.setDefaultTimeout(120_000);
      return created;
    }

    async function open(url: string, ctx: BrowserContext = context): Promise<Page> {
      const page = await ctx.newPage();
      const response = await page.goto(`${server.url}${url}`);
      expect(response?.status(), url).toBe(200);
      return page;
    }

    async function seriousViolations(page: Page): Promise<string[]> {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
    }

    it('builds, logs the count and writes the search index and the feed', () => {
      expect(buildLog).toContain(`${samples.length + EXTRA} postmortems`);
      expect(existsSync(path.join(project.dir, 'dist', 'pagefind', 'pagefind-ui.js'))).toBe(true);
      const feed = readFileSync(path.join(project.dir, 'dist', 'rss.xml'), 'utf8');
      expect(feed.match(/<item>/g)?.length).toBe(samples.length + EXTRA);
      // Feed readers decode the escaped HTML of each item: decoded, its tags hold nothing
      // executable. (Markup quoted as text stays escaped once more, "&#x3C;img …", and is no tag.)
      const decodeXml = (text: string): string =>
        text
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;|&apos;/g, "'")
          .replace(/&amp;/g, '&');
      const decoded = decodeXml(feed);
      expect(decoded).toContain('quokkasafe');
      expect(decoded).toContain('wombatsafe');
      // Each item's page as HTML (escaped, or in a CDATA section).
      const items = [...feed.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)].map(([, html]) =>
        html!.startsWith('<![CDATA[') ? html!.slice(9, -3) : decodeXml(html!),
      );
      expect(items.length).toBe(samples.length + EXTRA);
      const tags = items.flatMap((html) => [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)]);
      expect(tags.length).toBeGreaterThan(100);
      const unsafe = tags.filter(([, name, attrs]) => {
        if (/^(?:script|iframe|frame|svg|math|object|embed|form|meta|base|style|link|template)$/i.test(name!)) return true;
        for (const [, attr, ...values] of attrs!.matchAll(/\s([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
          const value = values.find((v) => v !== undefined) ?? '';
          if (/^on/i.test(attr!) || (/^(?:href|src|action|formaction|background)$/i.test(attr!) && /^\s*(?:javascript|vbscript|data):/i.test(value)))
            return true;
        }
        return false;
      });
      expect(unsafe.map(([tag]) => tag)).toEqual([]);
    });

    it('home: the table lists every sample, newest first, each linking to its page', async () => {
      const page = await open('/');
      const rows = page.locator('table.incident-table tbody tr');
      await expect.poll(() => rows.count()).toBe(samples.length + EXTRA);
      for (const sample of samples) {
        const link = page.locator(`table.incident-table a[href="/incidents/${sample.slug}/"]`);
        expect(await link.textContent(), sample.slug).toBe(sample.title);
      }
      const dates = await page.locator('table.incident-table tbody tr td:first-child').allTextContents();
      expect(dates).toEqual([...dates].sort().reverse());
      await page.screenshot({ path: path.join(SHOTS, 'home.png'), fullPage: true });
      await page.close();
    });

    it('home: a filter narrows the table, and the URL keeps it', async () => {
      const page = await open('/');
      await page.selectOption('#incident-filters select[name="severity"]', 'SEV1');
      const visible = page.locator('table.incident-table tbody tr:not([hidden])');
      const sev1 = samples.filter((s) => s.severity === 'SEV1');
      expect(sev1.length).toBeGreaterThan(0);
      await expect.poll(() => visible.count()).toBe(sev1.length);
      expect(await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-severity')))).toEqual(sev1.map(() => 'SEV1'));
      expect(await page.locator('#result-count').textContent()).toContain(`${sev1.length} of ${samples.length + EXTRA}`);
      expect(page.url()).toContain('severity=SEV1');

      await page.selectOption('#incident-filters select[name="severity"]', '');
      await page.selectOption('#incident-filters select[name="service"]', 'payments-gateway');
      const count = await visible.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(samples.length);
      // Filters combine: payments-gateway in 2024 only.
      await page.selectOption('#incident-filters select[name="year"]', '2024');
      await expect.poll(() => visible.count()).toBe(1);
      await page.close();

      // Opening the filtered URL applies the filter again.
      const again = await open('/?service=payments-gateway&year=2024');
      await expect.poll(() => again.locator('table.incident-table tbody tr:not([hidden])').count()).toBe(1);
      await again.close();
    });

    it('home: a column header sorts the table, by keyboard too', async () => {
      const page = await open('/');
      const button = page.locator('table.incident-table thead th:nth-child(2) button');
      await button.focus();
      await page.keyboard.press('Enter');
      const titles = await page.locator('table.incident-table tbody tr td:nth-child(2)').allTextContents();
      expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(await page.locator('table.incident-table thead th:nth-child(2)').getAttribute('aria-sort')).toBe('ascending');
      await page.close();
    });

    it('home: works without JavaScript (a plain table, no filter form)', async () => {
      const noJs = await newContext({ javaScriptEnabled: false });
      const page = await open('/', noJs);
      expect(await page.locator('table.incident-table tbody tr').count()).toBe(samples.length + EXTRA);
      expect(await page.locator('#incident-filters').isVisible()).toBe(false);
      await noJs.close();
    });

    it('search finds an incident by a word from its body, and offers the filters', async () => {
      const page = await open('/search/');
      const input = page.locator('#search input[type="text"], #search input[type="search"]').first();
      await input.waitFor();
      await input.fill('idempotency');
      const result = page.locator('.pagefind-ui__result-link').first();
      await result.waitFor({ timeout: 120_000 });
      expect(await result.textContent()).toContain('Retry storm kept checkout down');
      expect(await result.getAttribute('href')).toContain('/incidents/2026-02-24-payments-retry-storm/');
      const filters = (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((t) => t.trim().toLowerCase());
      for (const name of ['severity', 'service', 'year']) expect(filters.join(' ')).toContain(name);
      expect(await seriousViolations(page)).toEqual([]);

      // A filter narrows the results.
      const message = page.locator('.pagefind-ui__message');
      const count = async (): Promise<number> => Number(/(\d+) results?/.exec((await message.textContent()) ?? '')?.[1] ?? NaN);
      await input.fill('checkout');
      await expect.poll(() => message.textContent()).toContain('for checkout');
      const all = await count();
      await page.locator('.pagefind-ui__filter-label', { hasText: /^SEV1/ }).click();
      await expect.poll(count).toBeLessThan(all);
      expect(await count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, 'search.png'), fullPage: true });
      await page.close();
    });

    it('an incident page opens with the impact and key times, then the timeline picture, its action items and metadata', async () => {
      const page = await open('/incidents/2026-02-24-payments-retry-storm/');
      const keys = await page.locator('#key-times .key-time').allInnerTexts();
      expect(keys.map((k) => k.replace(/\s+/g, ' ').trim())).toEqual([
        'Impact start 2026-02-24 14:02 UTC',
        'Detected 2026-02-24 14:06 UTC',
        'Mitigated unknown',
        'Resolved 2026-02-24 15:19 UTC',
      ]);
      expect(await page.locator('#key-times').textContent()).toMatch(/Time to detect\s*4 min/);
      const svg = page.locator('#timeline-figure svg.timeline-svg');
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.locator('circle.tl-dot').count()).toBe(12);
      expect(await svg.locator('.tl-marker-detected').count()).toBe(1);
      expect(await svg.locator('.tl-marker-resolved').count()).toBe(1);
      expect(await page.locator('nav.toc a[href="#timeline-figure"]').count()).toBe(1);
      expect(await page.locator('nav.toc a[href="#root-cause"]').count()).toBe(1);
      expect(await page.locator('#related a[href="/incidents/2024-02-13-cardhaven-client-certificate-expiry/"]').count()).toBe(1);
      const items = page.locator('#action-items table tbody tr');
      expect(await items.count()).toBe(5);
      const first = await items.first().locator('td').allTextContents();
      expect(first[1]).toBe('@kofi.asante');
      expect(first[2]).toBe('LSP-2741');
      expect(first[3]).toContain('2026-03-20');
      // Heading anchors in the rendered body.
      expect(await page.locator('.postmortem-body h2#root-cause a.anchor[href="#root-cause"]').count()).toBe(1);
      // Edit link to the source.
      expect(await page.locator('a', { hasText: 'Edit this postmortem' }).getAttribute('href')).toMatch(
        /\/edit\/main\/postmortems\/2026-02-24-payments-retry-storm\.md$/,
      );
      await page.screenshot({ path: path.join(SHOTS, 'incident.png'), fullPage: true });
      await page.close();
    });

    /** Opens a hostile page and gives every handler its chance: hover, focus, click each link and control, toggle each details. */
    async function provoke(slug: string): Promise<{ page: Page; dialogs: string[] }> {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${server.url}/incidents/${slug}/`);
      await page.waitForLoadState('load');
      const body = page.locator('.postmortem-body');
      // What a person can reach: a hidden element cannot be hovered, nor a hidden or disabled
      // one clicked (trying only runs out the timeout, half a second each, and clicks
      // nothing). What can be reached has a timeout that a busy machine does not run out.
      for (const target of await body.locator('[id^="user-content-"], div, a, img').all()) {
        if (await target.isVisible()) await target.hover({ timeout: 10_000, force: true }).catch(() => {});
      }
      for (const link of await body.locator('a:not([href^="http"]), input, button').all()) {
        if (!(await link.isVisible()) || !(await link.isEnabled())) continue;
        await link.click({ timeout: 10_000 }).catch(() => {});
        if (!page.url().includes(`/incidents/${slug}/`)) await page.goto(`${server.url}/incidents/${slug}/`);
      }
      await page.goto(`${server.url}/incidents/${slug}/`);
      for (const summary of await body.locator('details summary').all())
        if (await summary.isVisible()) await summary.click({ timeout: 10_000 }).catch(() => {});
      for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      return { page, dialogs };
    }

    /** Elements and attributes in the rendered body that could run anything. */
    function executableLeftovers(page: Page): Promise<string[]> {
      return page.locator('.postmortem-body').evaluate((root) => {
        const found: string[] = [];
        for (const el of root.querySelectorAll('*')) {
          if (
            [
              'SCRIPT',
              'IFRAME',
              'FRAME',
              'FRAMESET',
              'OBJECT',
              'EMBED',
              'APPLET',
              'PORTAL',
              'FORM',
              'META',
              'STYLE',
              'LINK',
              'BASE',
              'SVG',
              'svg',
              'BUTTON',
              'MATH',
              'math',
              'TEMPLATE',
              'NOSCRIPT',
              'VIDEO',
              'AUDIO',
              'SELECT',
              'TEXTAREA',
            ].includes(el.tagName)
          )
            found.push(el.tagName);
          for (const attr of el.getAttributeNames()) {
            const value = el.getAttribute(attr) ?? '';
            if (
              /^on/i.test(attr) ||
              ['style', 'srcdoc', 'formaction', 'action', 'background', 'dynsrc', 'lowsrc', 'xlink:href', 'contenteditable'].includes(attr)
            )
              found.push(`${el.tagName}[${attr}]`);
            // What the browser resolved: an entity- or blank-obfuscated scheme shows here.
            const resolved = attr === 'href' || attr === 'src' ? (((el as unknown as { [key: string]: unknown })[attr] as string | undefined) ?? value) : value;
            if ((attr === 'href' || attr === 'src') && /^\s*(javascript|vbscript|data):/i.test(`${value} ${resolved}`.trim()))
              found.push(`${el.tagName}[${attr}=${value.slice(0, 20)}]`);
            if ((attr === 'href' || attr === 'src') && /^(javascript|vbscript|data):/i.test(resolved))
              found.push(`${el.tagName}[${attr} resolves to ${resolved.slice(0, 20)}]`);
          }
        }
        return found;
      });
    }

    it('the hostile postmortem runs no script: no dialog, no sentinel, nothing executable left', async () => {
      const { page, dialogs } = await provoke(HOSTILE_SLUG);
      const body = page.locator('.postmortem-body');
      expect(await body.textContent()).toContain('quokkasafe');
      expect(await page.evaluate(() => (globalThis as unknown as InPage).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await executableLeftovers(page)).toEqual([]);
      expect(await body.locator('a[href="https://example.com/runbook"]').count()).toBe(1);
      expect(await page.locator('body').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, 'hostile.png'), fullPage: true });

      // Its title and tag (escaped by the templates) on the home page run nothing either.
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (globalThis as unknown as InPage).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it(`every XSS vector class of the OWASP cheat sheet that Markdown can carry (${OWASP_VECTORS} vectors) runs nothing, and hides nothing after it`, async () => {
      const { page, dialogs } = await provoke(OWASP_SLUG);
      const text = (await page.locator('.postmortem-body').textContent()) ?? '';
      // Every marker is on the page: no vector swallowed what follows it.
      const missing = Array.from({ length: OWASP_VECTORS }, (_, i) => `V${String(i + 1).padStart(2, '0')}`).filter((marker) => !text.includes(marker));
      expect(missing).toEqual([]);
      expect(text.match(/wombatsafe/g)?.length).toBe(2);
      expect(await page.evaluate(() => (globalThis as unknown as InPage).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await executableLeftovers(page)).toEqual([]);
      // Still the archive's page, not one a vector navigated to.
      expect(page.url()).toBe(`${server.url}/incidents/${OWASP_SLUG}/`);
      await page.screenshot({ path: path.join(SHOTS, 'owasp-xss.png'), fullPage: true });
      await page.close();
    });

    for (const [name, url] of [
      ['home', '/'],
      ['incident', '/incidents/2025-01-21-api-origin-cutover-dns-ttl/'],
      ['incident-loose', `/incidents/${LOOSE_SLUG}/`],
      ['metrics', '/metrics/'],
      ['actions', '/actions/'],
      ['service', '/services/checkout-api/'],
      ['factors', '/factors/'],
      ['factor', '/factors/pasted-markup/'],
      ['triggers', '/triggers/'],
      ['rules', '/rules/'],
      ['rule', '/rules/recurrence/'],
    ] as const) {
      it(`axe finds no serious or critical violation on ${name} (light and dark)`, async () => {
        for (const colorScheme of ['light', 'dark'] as const) {
          const ctx = await newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
          const page = await open(url, ctx);
          expect(await seriousViolations(page), `${url} (${colorScheme})`).toEqual([]);
          if (LIGHT_SHOTS.has(name) && colorScheme === 'light') await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
          if (colorScheme === 'dark') await page.screenshot({ path: path.join(SHOTS, `${name}-dark.png`), fullPage: true });
          await ctx.close();
        }
      });
    }

    it('is readable on a phone: no sideways scrolling of the page', async () => {
      const phone = await newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      for (const url of ['/', '/incidents/2026-02-24-payments-retry-storm/', '/metrics/', ...Object.keys(PHONE_SHOTS)]) {
        const page = await open(url, phone);
        const overflow = await page.evaluate(() => {
          const root = (globalThis as unknown as InPage).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflow, url).toBeLessThanOrEqual(1);
        if (url === '/') {
          // The table becomes one card per incident, each value after its column's name
          // (drawn by the stylesheet, so the name is not repeated in every row's markup).
          const labels = (await page.evaluate(
            `[...document.querySelectorAll('table.incident-table tbody tr:first-child td')].map((cell) => getComputedStyle(cell, '::before').content)`,
          )) as string[];
          expect(labels).toEqual([
            '"Date: "',
            'none',
            '"Severity: "',
            '"Services: "',
            '"Duration: "',
            '"Time to detect: "',
            '"Time to resolve: "',
            '"Status: "',
            '"Lint: "',
          ]);
          await page.screenshot({ path: path.join(SHOTS, 'home-phone.png'), fullPage: true });
        }
        const shot = PHONE_SHOTS[url];
        if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}-phone.png`), fullPage: true });
        await page.close();
      }
      await phone.close();
    });

    /**
     * What a reader sees of an incident page's timeline picture, measured in the page: the
     * boxes of its visible texts, their rendered sizes, where its links lead, and whether
     * the page scrolls sideways. (A string: the project compiles without the DOM library.)
     */
    const FIGURE_REPORT = `(() => {
      const svg = document.querySelector('#timeline-figure svg.timeline-svg');
      const root = document.documentElement;
      const frame = svg ? svg.getBoundingClientRect() : null;
      const texts = svg ? [...svg.querySelectorAll('text')].filter((t) => getComputedStyle(t).display !== 'none') : [];
      const boxes = texts.map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom }; });
      const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM() ? Math.abs(t.getScreenCTM().d) : 1));
      const links = svg ? [...svg.querySelectorAll('a')].map((a) => a.getAttribute('href')) : [];
      if (svg) svg.style.display = 'none';
      const visibleText = document.body.innerText;
      if (svg) svg.style.display = '';
      return {
        overflow: root.scrollWidth - root.clientWidth,
        frame: frame && { left: frame.left, right: frame.right },
        boxes,
        smallest: sizes.length ? Math.min(...sizes) : null,
        links,
        missing: links.filter((href) => !href || !href.startsWith('#') || !document.getElementById(decodeURIComponent(href.slice(1)))),
        visibleText,
      };
    })()`;

    interface FigureReport {
      overflow: number;
      frame: { left: number; right: number } | null;
      boxes: { text: string; left: number; right: number; top: number; bottom: number }[];
      smallest: number | null;
      links: string[];
      missing: string[];
      visibleText: string;
    }

    /** Pairs of boxes that overlap by more than a pixel either way. */
    function overlaps(boxes: FigureReport['boxes']): string[] {
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
            found.push(`${a.text} / ${b.text}`);
        }
      }
      return found;
    }

    /** How many times a text stands in the page as a reader sees it. */
    const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

    for (const [device, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      it(`incident pages on a ${device}: no sideways scrolling; the timeline picture's labels apart, inside it, at least 11 px, each linked to its entry; timeline and action items once`, async () => {
        const ctx = await newContext({ viewport, ...(device === 'phone' ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}) });
        for (const slug of ['2026-02-24-payments-retry-storm', '2025-01-21-api-origin-cutover-dns-ttl', LOOSE_SLUG]) {
          const page = await open(`/incidents/${slug}/`, ctx);
          const report = (await page.evaluate(FIGURE_REPORT)) as FigureReport;
          expect(report.overflow, slug).toBeLessThanOrEqual(1);
          expect(report.frame, slug).not.toBeNull();
          expect(report.boxes.length, slug).toBeGreaterThan(4);
          expect(overlaps(report.boxes), slug).toEqual([]);
          const clipped = report.boxes.filter((b) => b.left < report.frame!.left - 1 || b.right > report.frame!.right + 1).map((b) => b.text);
          expect(clipped, slug).toEqual([]);
          expect(report.smallest, slug).toBeGreaterThanOrEqual(11);
          expect(report.links.length, slug).toBeGreaterThan(3);
          expect(report.missing, slug).toEqual([]);
          // Each entry's text once on the page besides the picture's labels (no table of entries), each action item once.
          const file = path.join(project.postmortems, `${slug}.md`);
          const { model } = buildModel(file, readFileSync(file, 'utf8'));
          for (const entry of model.timeline.filter((e) => e.text.length > 12))
            expect(occurrences(report.visibleText, entry.text), `${slug}: ${entry.text}`).toBe(1);
          for (const item of model.actionItems) expect(occurrences(report.visibleText, item.text), `${slug}: ${item.text}`).toBe(1);
          expect(await page.locator('#action-items table').count(), slug).toBe(model.actionItems.length > 0 ? 1 : 0);
          expect(await page.locator('#timeline-figure').count(), slug).toBe(1);
          await page.screenshot({ path: path.join(SHOTS, `incident-${slug.slice(0, 24)}-${device}.png`), fullPage: true });
          await page.close();
        }
        await ctx.close();
      });
    }

    it('a loosely written postmortem: its "14:02 UTC - …" lines are entries, no 1970, no raw ISO time, time to detect unknown', async () => {
      const page = await open(`/incidents/${LOOSE_SLUG}/`);
      const entries = page.locator('.postmortem-body li[id^="entry-L"]');
      expect(await entries.count()).toBe(4);
      expect(await entries.first().textContent()).toContain('Latency alert fires');
      const html = await page.content();
      expect(html).not.toContain('1970');
      expect(html).not.toMatch(/\d{2}:\d{2}:\d{2}Z/);
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (the text as shown), not the DOM property
      const keys = (await page.locator('#key-times').innerText()).replace(/\s+/g, ' ');
      expect(keys).toContain('Impact start unknown');
      expect(keys).toContain('Detected 14:02 UTC');
      expect(keys).toMatch(/Time to detect unknown/);
      // The picture's first row leads to the first entry, which the browser then shows.
      await page.locator('#timeline-figure svg a').first().click();
      expect(page.url()).toMatch(/#entry-L\d+$/);
      await page.close();
    });

    it('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
      const page = await open('/metrics/');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id)).toBe('main');
      await page.close();
    });

    it('the other pages exist: per service, severity, tag, trigger and factor, needs attention, actions, rules', async () => {
      for (const url of [
        '/services/',
        '/services/payments-gateway/',
        '/severity/sev1/',
        '/tags/',
        '/tags/payments/',
        '/triggers/',
        '/factors/',
        '/attention/',
        '/actions/',
        '/rules/',
        '/rules/timeline-order/',
      ]) {
        const page = await open(url);
        expect(await page.locator('h1').count(), url).toBe(1);
        await page.close();
      }
      const attention = await open('/attention/');
      expect(await attention.locator('#drafts-heading + ul li').count()).toBeGreaterThanOrEqual(2);
      // The open action items are counted and linked to their lists, not listed a second time.
      expect(await attention.locator('#actions-heading + p').textContent()).toMatch(/^\d+ action items? (?:is|are) not done: \d+ overdue .* and \d+ open /);
      expect(await attention.locator('#actions-heading + p a[href="/actions/"]').count()).toBe(1);
      expect(await attention.locator('#actions-heading ~ * table').count()).toBe(0);
      await attention.close();
    });

    it('rules: the index links one page per rule, whose Markdown is rendered (no raw backticks), with options and example output', async () => {
      const index = await open('/rules/');
      const links = await index.locator('main table a').evaluateAll((as) => as.map((a) => (a as unknown as Attributes).getAttribute('href')));
      expect(links).toContain('/rules/timeline-order/');
      expect(links.length).toBeGreaterThanOrEqual(18);
      await index.close();
      const page = await open('/rules/recurrence/');
      const prose = await page.evaluate(`(() => {
        const main = document.querySelector('main').cloneNode(true);
        main.querySelectorAll('pre, code').forEach((n) => n.remove());
        return main.textContent;
      })()`);
      expect(prose).not.toContain('`');
      expect(prose).not.toContain('**');
      expect(await page.locator('main table th', { hasText: 'Option' }).count()).toBe(1);
      expect(await page.locator('main pre code.language-text', { hasText: 'likeEarlier' }).count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('main a[href="/rules/"]').count()).toBeGreaterThanOrEqual(1);
      await page.close();
      // A finding on an incident page links to its rule's page, which exists.
      const incident = await open(`/incidents/${LOOSE_SLUG}/`);
      const ruleLinks = await incident
        .locator('#findings a[href^="/rules/"]')
        .evaluateAll((as) => as.map((a) => (a as unknown as Attributes).getAttribute('href') ?? ''));
      expect(ruleLinks.length).toBeGreaterThan(0);
      for (const href of ruleLinks) expect(href).toMatch(/^\/rules\/[a-z-]+\/$/);
      await incident.close();
      for (const href of new Set(ruleLinks)) (await open(href)).close();
    });

    it('actions: follow-through first, every item linked to its incident, owners alphabetical and never ranked', async () => {
      const page = await open('/actions/');
      const stats = (await page.locator('#follow-through').locator('..').locator('.stat-grid').textContent()) ?? '';
      expect(stats).toMatch(/\d+% done \(\d+ of \d+ items?\)/);
      expect(stats).toMatch(/\d+ overdue/);
      expect(await page.locator('table', { hasText: 'Overdue items by how long overdue' }).locator('th').allTextContents()).toEqual([
        'up to 30 days',
        '31 to 90 days',
        '91 to 365 days',
        'more than a year',
      ]);
      const incidentLinks = await page.locator('table.archive-actions a[href^="/incidents/"]').count();
      expect(incidentLinks).toBeGreaterThan(0);
      const owners = (await page.locator('#by-owner ~ section h3').allTextContents()).map((t) => t.replace(/\s*\(.*$/, '').trim());
      const named = owners.filter((o) => o !== 'No owner');
      expect(named.length).toBeGreaterThan(1);
      const key = (o: string) => o.replace(/^@/, '').toLowerCase();
      expect(named.map(key)).toEqual([...named.map(key)].sort((a, b) => a.localeCompare(b)));
      // The page's own words (headings, captions, figures; not the items' text) rank no one.
      const chrome = (await page.locator('main h1, main h2, main h3, main caption, main .stat-grid, main .notes').allTextContents()).join(' ').toLowerCase();
      expect(chrome).not.toMatch(/\btop\b|\brank|\bmost\b|\bworst\b|\bbest\b/);
      await page.close();
    });

    it('a service page: its history oldest first with durations, its open action items, related incidents elsewhere', async () => {
      const page = await open('/services/checkout-api/');
      const dates = await page.locator('ol.history time').evaluateAll((ts) => ts.map((t) => (t as unknown as Attributes).getAttribute('datetime') ?? ''));
      expect(dates.length).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort());
      expect(await page.locator('ol.history .history-measures').first().textContent()).toMatch(/lasted .+ · detected after .+ · resolved after .+/);
      expect(await page.locator('ol.history .badge').count()).toBe(dates.length);
      expect(await page.locator('#open-actions').count()).toBe(1);
      expect(await page.locator('#related').count()).toBe(1);
      expect(await page.locator('nav.toc a[href="#history"]').count()).toBe(1);
      await page.close();
    });

    it('an incident page: related incidents each say why; factors and triggers link to their pages', async () => {
      const page = await open('/incidents/2026-02-24-payments-retry-storm/');
      const whys = await page.locator('#related li .related-why').allTextContents();
      expect(whys.length).toBeGreaterThan(0);
      for (const why of whys)
        expect(why).toMatch(/^(?:named in this postmortem|names this incident|similar root cause \(\d+% alike\)|same service: .+)(?:; .+)?$/);
      await page.close();
      const hostile = await open(`/incidents/${HOSTILE_SLUG}/`);
      expect(await hostile.locator('.incident-aside a[href="/factors/pasted-markup/"]').count()).toBe(1);
      const trigger = await hostile.locator('.incident-aside a[href^="/triggers/"]').getAttribute('href');
      await hostile.close();
      const triggerPage = await open(trigger!);
      expect(await triggerPage.locator('h1').textContent()).toContain("<script>window.__pwned='trigger'</script>");
      await triggerPage.close();
    });
  });
}
