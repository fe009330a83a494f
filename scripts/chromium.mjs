// The one place that says which Chromium the browser suites and benchmarks launch, and how.
// Debian's package: test tools cannot download their own browser on our machines (scripts/ensure-browser.sh installs it).
// Without the background-networking flags Chromium keeps dialling out of this closed machine.
export const chromiumExecutablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
