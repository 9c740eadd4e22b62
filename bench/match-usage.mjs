// Preload for bench/match-bench.mjs (`node --import ./bench/match-usage.mjs …`): at exit, writes
// the process's peak resident set size (kB) and CPU time (µs, user and system) as JSON to the file
// named by BENCH_USAGE_FILE. Worker threads share the process, so both cover them; only the main
// thread writes (a worker's exit would otherwise race the process's own).
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_USAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }));
  });
}
