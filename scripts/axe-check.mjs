#!/usr/bin/env node
// Runs axe-core in headless Chromium on each HTML file given on the command line and requires
// zero violations of the WCAG 2.0/2.1 A and AA rules. Used by scripts/check-output.sh.
//
//   node scripts/axe-check.mjs [--screenshots DIR] FILE.html...
//
// Each page is checked at a desktop width (1366 px) and a mobile width (390 px). The browser is
// the Debian package's Chromium (CHROMIUM, default /usr/bin/chromium), run with a fresh profile
// and with every request that is not to a local file or a data: URL blocked: the page must be
// self-contained, so such a request is reported as a failure, not fetched.
//
// With --screenshots DIR, also writes full-page PNG screenshots at both widths into DIR:
// desktop.png and mobile.png for a single file, <name>-desktop.png and <name>-mobile.png for
// several.
//
// AXE_VERBOSE=1 also lists each element that axe could not decide on ("needs review"), with why.
//
// Prints one PASS/FAIL line per file (and per check) and exits 1 if any check failed, 2 on a
// usage error.

import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = require('axe-core/package.json').version;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function usage(message) {
  if (message) console.error(`axe-check: ${message}`);
  console.error('usage: node scripts/axe-check.mjs [--screenshots DIR] FILE.html...');
  process.exit(2);
}

const files = [];
let shotDir = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--screenshots') {
    shotDir = argv[++i];
    if (!shotDir) usage('--screenshots needs a directory');
  } else if (argv[i].startsWith('-')) {
    usage(`unknown option ${argv[i]}`);
  } else {
    files.push(resolve(argv[i]));
  }
}
if (files.length === 0) usage('no HTML file given');
if (shotDir) mkdirSync(shotDir, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'ledgen-axe-profile-'));
let context;
let failed = false;
try {
  // launchPersistentContext is how Playwright takes a --user-data-dir: a fresh, empty one here.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: VIEWPORTS[0].width, height: VIEWPORTS[0].height },
  });

  for (const file of files) {
    const page = await context.newPage();
    const external = new Set();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      external.add(url);
      return route.abort('blockedbyclient');
    });
    const consoleErrors = [];
    page.on('console', (msg) => {
      // A blocked request is reported once, below, not also as the console error it causes.
      if (msg.type() === 'error' && !msg.text().includes('ERR_BLOCKED_BY_CLIENT')) {
        consoleErrors.push(msg.text());
      }
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));

    let fileFailed = false;
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const results = await page.evaluate(
        (tags) =>
          // eslint-disable-next-line no-undef
          axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          }),
        TAGS,
      );
      const label = `axe ${vp.name} ${vp.width}px`;
      if (results.violations.length === 0) {
        console.log(`PASS  ${label}: ${file} (0 violations, axe-core ${axeVersion})`);
      } else {
        fileFailed = true;
        const count = results.violations.reduce((n, v) => n + v.nodes.length, 0);
        console.log(
          `FAIL  ${label}: ${file} (${results.violations.length} rules, ${count} elements)`,
        );
        for (const v of results.violations) {
          console.log(`      - ${v.id} [${v.impact}] ${v.help}`);
          console.log(`        ${v.helpUrl}`);
          for (const node of v.nodes) {
            console.log(`        target: ${node.target.join(' ')}`);
            const summary = (node.failureSummary || '').split('\n').slice(1).join(' ').trim();
            if (summary) console.log(`          ${summary}`);
          }
        }
      }
      // "Incomplete" means axe could not decide (e.g. text over a gradient): not a failure,
      // but worth a look by a person.
      // AXE_VERBOSE=1 lists every such element with axe's reason.
      for (const v of results.incomplete) {
        console.log(
          `      note: needs review: ${v.id} (${v.help}) on ${v.nodes.length} element(s), e.g. ${v.nodes[0].target.join(' ')}`,
        );
        if (process.env.AXE_VERBOSE) {
          for (const node of v.nodes) {
            const why = [...node.any, ...node.all, ...node.none].map((c) => c.message).join('; ');
            console.log(`        ${node.target.join(' ')}: ${why}`);
          }
        }
      }
      if (shotDir) {
        const name =
          files.length === 1 ? `${vp.name}.png` : `${basename(file, extname(file))}-${vp.name}.png`;
        const path = join(shotDir, name);
        await page.screenshot({ path, fullPage: true });
        console.log(`      screenshot: ${path}`);
      }
    }
    if (external.size > 0) {
      fileFailed = true;
      console.log(`FAIL  self-contained: ${file} requested ${external.size} external URL(s):`);
      for (const url of external) console.log(`      - ${url}`);
    } else {
      console.log(`PASS  self-contained: ${file} (no external requests)`);
    }
    if (consoleErrors.length > 0) {
      fileFailed = true;
      console.log(`FAIL  console: ${file}`);
      for (const e of consoleErrors) console.log(`      - ${e}`);
    }
    failed ||= fileFailed;
    await page.close();
  }
} catch (err) {
  console.log(`FAIL  axe: could not run Chromium (${CHROMIUM}): ${err.message}`);
  failed = true;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
