// Preloaded with `node --import bench/report-rss.js …` when /usr/bin/time is missing: reports the peak
// resident set size on exit, in the same form as `/usr/bin/time -f maxrss=%M` (KiB).
process.on('exit', () => {
  process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`);
});
