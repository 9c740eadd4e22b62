// Preload (`node --import ./bench/max-rss.mjs …`): at exit, writes the process's peak resident set
// size in kilobytes and its CPU time in microseconds (process.resourceUsage()) as JSON to the file
// named by BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }));
  });
}
