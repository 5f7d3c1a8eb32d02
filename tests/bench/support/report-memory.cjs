// Preloaded into the benchmarked server (NODE_OPTIONS=--require): appends its memory use to BENCH_MEMORY_FILE
// every second, so the benchmark can follow RSS and V8 heap without a route in the app.
const fs = require("node:fs");
const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, t: Date.now(), rss, heapUsed })}\n`);
  }, 1_000).unref();
}
