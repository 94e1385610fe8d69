// Drives the dashboard in headless Chromium for one scenario of the browser tests.
// Usage: node dashboard-check.mjs '<json options>'
//   options: scenario (board|live|timeline|search|attention|signin), url, scope, token, partnershipId,
//            query, signInToken, screenshot (path), timeoutMs
// Prints progress lines, "READY" when a live scenario waits for its change (then reads one
// "GO <title>" line from stdin), and finally one line "RESULT <json>".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const options = JSON.parse(process.argv[2] ?? '{}');
const timeout = options.timeoutMs ?? 15000;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function emit(result) {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

function nextLine() {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no GO line within the time limit')), timeout);
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
  });
}

async function openBoard(page) {
  const target = new URL(options.url);
  target.searchParams.set('scope', options.scope);
  if (options.token) {
    await page.addInitScript((token) => sessionStorage.setItem('collab.token', token), options.token);
  }
  await page.goto(target.toString(), { waitUntil: 'load', timeout });
  await page.waitForSelector('body[data-board-ready="true"]', { timeout });
  await page.waitForSelector('body[data-feed="live"]', { timeout });
}

async function cards(page) {
  return page.$$eval('#board .column', (columns) => columns.flatMap((column) =>
    [...column.querySelectorAll('.card')].map((card) => ({
      id: card.dataset.partnershipId,
      stage: card.dataset.stage,
      column: column.dataset.stages,
      title: card.querySelector('h3')?.textContent ?? '',
      overdue: card.classList.contains('overdue'),
      expiring: card.classList.contains('expiring'),
    }))));
}

const scenarios = {
  async board(page) {
    await openBoard(page);
    return { cards: await cards(page), pageError: await page.textContent("#error") };
  },

  async live(page) {
    await openBoard(page);
    const mark = await page.evaluate(() => {
      window.collabPageMark = Math.random().toString(36).slice(2);
      return window.collabPageMark;
    });
    const before = await cards(page);
    process.stdout.write('READY\n');
    const line = await nextLine();
    const started = performance.now();
    const title = line.replace(/^GO /, '');
    let seenMs = null;
    try {
      await page.waitForFunction(
        (wanted) => [...document.querySelectorAll('#board .card h3')].some((h) => h.textContent === wanted),
        title,
        { timeout: 5000, polling: 'raf' },
      );
      seenMs = performance.now() - started;
    } catch {
      seenMs = null;
    }
    const sameDocument = await page.evaluate((expected) => window.collabPageMark === expected, mark);
    return { before, after: await cards(page), seenMs, sameDocument };
  },

  async timeline(page) {
    await openBoard(page);
    await page.click(`.card[data-partnership-id="${options.partnershipId}"]`, { timeout });
    await page.waitForSelector(`#detail[data-partnership-id="${options.partnershipId}"]:not([hidden]) .timeline`, { timeout });
    return page.$eval('#detail', (detail) => ({
      title: detail.querySelector('h2')?.textContent ?? '',
      entries: [...detail.querySelectorAll('.timeline li')].map((li) => ({ kind: li.dataset.kind, text: li.textContent })),
      programmes: [...detail.querySelectorAll('.programme')].map((p) => ({
        id: p.dataset.jointProgramId,
        indicators: [...p.querySelectorAll('.indicator')].map((i) => ({ id: i.dataset.indicatorId, percent: i.dataset.percent })),
      })),
    }));
  },

  async search(page) {
    await openBoard(page);
    await page.fill('#search-query', options.query);
    await page.click('#search-form button');
    await page.waitForSelector('#search-results .namesake', { timeout });
    await page.locator('#search-results').scrollIntoViewIfNeeded();
    return page.$$eval('#search-results .namesake', (items) => items.map((item) => {
      const box = item.getBoundingClientRect();
      return { id: item.dataset.regionId, text: item.textContent, x: box.x, y: box.y, width: box.width };
    })).then(async (namesakes) => ({
      namesakes,
      ambiguous: await page.$eval('#search-results .namesakes', (n) => n.classList.contains('ambiguous')),
    }));
  },

  // Opens the page without a token, then signs in with options.signInToken through the form.
  async signin(page) {
    const target = new URL(options.url);
    target.searchParams.set('scope', options.scope);
    await page.goto(target.toString(), { waitUntil: 'load', timeout });
    await page.waitForSelector('#error:not([hidden])', { timeout });
    const signedOut = {
      error: await page.textContent('#error'),
      identity: await page.textContent('#identity'),
      cards: await cards(page),
    };
    await page.click('#identity');
    await page.fill('#token', options.signInToken);
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector('body[data-board-ready="true"]', { timeout });
    await page.waitForSelector('body[data-feed="live"]', { timeout });
    await page.click('#identity');
    return {
      signedOut,
      identity: await page.textContent('#identity'),
      scopes: await page.$$eval('#scope option', (items) => items.map((o) => o.value)),
      scope: await page.$eval('#scope', (s) => s.value),
      cards: await cards(page),
      pageError: await page.textContent('#error'),
    };
  },

  async attention(page) {
    await openBoard(page);
    return {
      cards: await cards(page),
      attention: await page.$$eval('#attention-list li', (items) => items.map((li) => ({
        kind: li.className,
        id: li.dataset.partnershipId ?? '',
        text: li.textContent,
      }))),
      overdueCount: await page.$eval('.stat-overdue', (s) => Number(s.dataset.overdueCount)),
    };
  },
};

const profile = mkdtempSync(join(tmpdir(), 'collab-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  const scenario = scenarios[options.scenario];
  if (!scenario) {
    throw new Error(`unknown scenario ${options.scenario}`);
  }
  const result = await scenario(page);
  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot, fullPage: false });
  }
  emit({ ok: true, consoleErrors, ...result });
} catch (error) {
  emit({ ok: false, error: String(error?.stack ?? error) });
  process.exitCode = 1;
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
// stdin may still be open (a live scenario reads from it): end here rather than wait for it.
process.exit(process.exitCode ?? 0);
