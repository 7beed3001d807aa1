// Writes a synthetic NDJSON batch: a realistic mix of items, corridors, dates and identifiers,
// every line with its own id, so that caching cannot skip the id echo or the JSON work.
import { createWriteStream } from 'node:fs';

const ITEMS = [
  { id: 'gallium/metal' }, { cnCode: '8112929010' }, { id: 'germanium/dioxide' }, { id: 'dysprosium/oxide' }, { id: 'terbium/metal' },
  { id: 'magnets/ndfeb' }, { hs: '850511' }, { id: 'graphite/natural-flake' }, { id: 'graphite/artificial', parameters: { purity: 0.9995, flexuralStrengthMPa: 35, densityGPerCm3: 1.8 } },
  { id: 'antimony/oxide', parameters: { purity: 0.99995 } }, { id: 'tungsten/ammonium-paratungstate' }, { id: 'lithium/carbonate' },
  { id: 'batteries/lithium-ion-cell', parameters: { energyDensityWhPerKg: 320 } }, { name: 'gallium nitride' }, { hs: '0101.21' },
  { id: 'tech/rare-earths/separation' }, { id: 'tech/battery/lfp-cathode-preparation' }, { eccn: '3C005' }, { euCode: '1C229', parameters: { purity: 0.9999, 'ppm.Ag': 5 } },
];
const CORRIDORS = [['CN', 'US'], ['CN', 'IN'], ['CN', 'DE'], ['CN', 'JP'], ['US', 'CN'], ['DE', 'CN'], ['CN', 'HU'], ['CN', 'BO'], ['US', 'IN'], ['FR', 'RU']];
const DATES = ['2023-07-31', '2023-08-01', '2024-12-03', '2025-04-04', '2025-11-07', '2026-01-15', '2026-11-28'];

/** Writes `lines` requests to `path` and resolves when the file is complete. */
export function writeSynthetic(path, lines) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    let i = 0;
    const write = () => {
      let ok = true;
      while (i < lines && ok) {
        const [from, to] = CORRIDORS[i % CORRIDORS.length];
        const req = { id: `line-${i}`, item: ITEMS[(i * 7) % ITEMS.length], from, to, date: DATES[(i * 3) % DATES.length] };
        if (ITEMS[(i * 7) % ITEMS.length].id?.startsWith('tech/')) req.transfer = 'technology';
        ok = out.write(`${JSON.stringify(req)}\n`);
        i++;
      }
      if (i < lines) out.once('drain', write);
      else out.end(resolve);
    };
    write();
  });
}
