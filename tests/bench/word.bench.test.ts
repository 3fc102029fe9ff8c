// `npm run bench`: Word generation for a 20-page 支部党员大会 record, in Chromium (as in the app).
import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { runWordBench } from './word.bench';

it('Word: 20-page 支部党员大会 → .docx (generation only)', async () => {
  const r = await runWordBench(20, 41);
  expect(r.bytes).toBeGreaterThan(5_000);
  const ratio = r.builderMedianMs / r.bareDocxMedianMs;
  const result = { ...r, ratioToBareDocx: Number(ratio.toFixed(2)) };
  console.log(`\nWord benchmark (Chromium)\n${JSON.stringify(result, null, 2)}\n`);
  await commands.writeFile('bench-results/word.json', JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n');
});
