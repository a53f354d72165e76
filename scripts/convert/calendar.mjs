// Converts the official Chinese working-day calendar (State Council notices, as collected by
// the npm package chinese-days) into resources/reference/calendar.json for the client.
// Shape and regeneration: see README.md beside this file.
//
//   node calendar.mjs [--from 2023] [--out ../../resources/reference/calendar.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const firstYear = Number(option('from', '2023'));
const out = resolve(here, option('out', '../../resources/reference/calendar.json'));

const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'));
const data = require('chinese-days/dist/chinese-days.json');
const api = require('chinese-days');

// Entries look like "2024-02-10": "Spring Festival,春节,3" (English, Chinese, length in days).
const chineseName = (entry) => entry.split(',')[1] ?? '';
const isWeekend = (iso) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

const lastYear = Math.max(...Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
const years = {};
for (let year = firstYear; year <= lastYear; ++year) {
  const inYear = (table) =>
    Object.keys(table)
      .filter((d) => d.startsWith(`${year}-`))
      .sort();
  const holidays = inYear(data.holidays);
  const workdays = inYear(data.workdays);
  if (holidays.length === 0) {
    throw new Error(`chinese-days ${pkg.version} has no holidays for ${year}`);
  }
  for (const d of workdays) {
    if (!isWeekend(d)) throw new Error(`${d} is listed as a working day but is not a weekend`);
    if (holidays.includes(d)) throw new Error(`${d} is both a holiday and a working day`);
  }
  const names = {};
  for (const d of holidays) names[d] = chineseName(data.holidays[d]);
  for (const d of workdays) names[d] = chineseName(data.workdays[d]);
  years[String(year)] = { holidays, workdays, names };
}

// Cross-check every day against the package's own API, so a change in its data layout
// cannot silently produce a wrong calendar.
for (const [year, y] of Object.entries(years)) {
  for (let t = Date.UTC(Number(year), 0, 1); t < Date.UTC(Number(year) + 1, 0, 1); t += 864e5) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const ours = y.workdays.includes(iso) || (!y.holidays.includes(iso) && !isWeekend(iso));
    if (ours !== api.isWorkday(iso)) {
      throw new Error(`${iso}: converted ${ours}, chinese-days.isWorkday ${api.isWorkday(iso)}`);
    }
  }
}

const doc = { source: `chinese-days ${pkg.version}`, years };
writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
console.log(`wrote ${out}: years ${firstYear}–${lastYear} from chinese-days ${pkg.version}`);
