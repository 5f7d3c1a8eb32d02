// Preloaded into the benchmarked server (NODE_OPTIONS=--require): appends its memory use to BENCH_MEMORY_FILE
// every second, so the benchmark can follow RSS and V8 heap without a route in the app. `liveHeap` is the heap
// measured just after the latest full (mark-compact) collection: what is really retained, without the garbage
// that comes and goes between collections.
const fs = require("node:fs");
const { PerformanceObserver, constants } = require("node:perf_hooks");

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  let liveHeap = null;
  let longestGcMs = 0; // the longest collection pause since the previous sample
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longestGcMs = Math.max(longestGcMs, entry.duration);
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) liveHeap = process.memoryUsage().heapUsed;
    }
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, t: Date.now(), rss, heapUsed, liveHeap, longestGcMs })}\n`);
    longestGcMs = 0;
  }, 1_000).unref();
}
