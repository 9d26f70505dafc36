/**
 * Loaded into a server under measurement (node --require): records how late the event loop
 * runs its timers, so a benchmark can tell a blocked loop from a slow database. Writes its
 * figures to SCR_EVENT_LOOP_FILE every 500 ms; SIGUSR2 starts the count afresh. With
 * SCR_CPU_PROFILE_FILE, the first SIGUSR2 also starts a CPU profile and the next writes it there
 * (open it in Chrome's DevTools), to see what held the loop.
 */
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const file = process.env.SCR_EVENT_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Stalls: each time a 20 ms timer fires more than 100 ms late, how late and when.
  let stalls = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 20;
    if (late > 100) stalls.push({ at: Math.round(Date.now() - late), lateMs: Math.round(late) });
    last = now;
  }, 20).unref();
  const write = () =>
    writeFileSync(
      file,
      JSON.stringify({
        maxMs: histogram.max / 1e6,
        p99Ms: histogram.percentile(99) / 1e6,
        meanMs: histogram.mean / 1e6,
        stalls,
      }),
    );
  setInterval(write, 500).unref();
  const profileFile = process.env.SCR_CPU_PROFILE_FILE;
  let session = null;
  process.on('SIGUSR2', () => {
    if (profileFile && session) {
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
        session.disconnect();
        session = null;
      });
      return;
    }
    histogram.reset();
    stalls = [];
    write();
    if (profileFile) {
      const { Session } = require('node:inspector');
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    }
  });
}
