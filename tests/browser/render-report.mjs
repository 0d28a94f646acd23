// Opens an InfraLint HTML report in headless Chromium with every request intercepted, and prints what a reader sees
// as JSON: the totals on the page, console errors, requests other than the page itself, and what sorting and filtering
// did. Usage: node render-report.mjs REPORT.html SCREENSHOT.png FILTER-TEXT
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';

const [html, screenshot, filterText] = process.argv.slice(2);
const page_url = pathToFileURL(html).href;
const browser = await puppeteer.launch({
  executablePath: process.env.INFRALINT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
});
const result = { consoleErrors: [], pageErrors: [], requests: [] };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.setRequestInterception(true);
  page.on('request', request => {
    if (request.url() === page_url) { request.continue(); return; }
    result.requests.push(request.url());
    request.abort();
  });
  page.on('console', message => { if (message.type() === 'error') result.consoleErrors.push(message.text()); });
  page.on('pageerror', error => result.pageErrors.push(String(error)));
  await page.goto(page_url, { waitUntil: 'load' });

  result.totals = await page.$$eval('[data-total]', cards => Object.fromEntries(cards.map(c => [c.dataset.total, c.textContent.trim()])));
  result.openCount = await page.$eval('[data-count="open"]', e => e.textContent.trim());
  result.svgCharts = await page.$$eval('svg', svgs => svgs.length);

  // Sorting: a click on the Line column of the open findings sorts it ascending, a second click descending.
  const lines = () => page.$$eval('#t-open tbody tr', rows => rows.map(r => Number(r.cells[5].textContent)));
  const lineHeader = '#t-open thead th:nth-child(6)';
  await page.click(lineHeader);
  const ascending = await lines();
  await page.click(lineHeader);
  const descending = await lines();
  result.sortedAscending = ascending.every((v, i) => i === 0 || ascending[i - 1] <= v);
  result.sortedDescending = descending.every((v, i) => i === 0 || descending[i - 1] >= v);

  // Filtering: typing in the box above the open findings leaves only the rows that contain the text.
  await page.type('input[data-table="t-open"]', filterText);
  result.visibleAfterFilter = await page.$$eval('#t-open tbody tr', rows => rows.filter(r => r.style.display !== 'none').length);
  await page.$eval('input[data-table="t-open"]', input => { input.value = ''; input.dispatchEvent(new Event('input')); });

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
