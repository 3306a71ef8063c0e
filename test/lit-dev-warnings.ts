// Loaded before every test file by web-test-runner.dev.config.mjs: a Lit dev warning fails the
// test during which it was printed.
const seen = (window as unknown as { __litWarnings: string[] }).__litWarnings;

afterEach(function () {
  if (seen.length === 0) return;
  const warnings = seen.splice(0);
  throw new Error(`Lit warned during "${this.currentTest?.fullTitle()}":\n${warnings.join('\n')}`);
});
