// The component tests once more against Lit's development build, with every Lit dev warning
// (https://lit.dev/msg/…: an update scheduled after an update completed, a class-field shadowing
// a reactive property, …) turned into a test failure. `npm run test:dev`.
import base from './web-test-runner.config.mjs';

const failOnLitWarnings = `
  const seen = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    const text = args.map(String).join(' ');
    // Lit announces dev mode once; that one is expected here.
    if (/lit\\.dev\\/msg\\//.test(text) && !/lit\\.dev\\/msg\\/dev-mode/.test(text)) seen.push(text);
    warn(...args);
  };
  window.__litWarnings = seen;
`;

export default {
  ...base,
  files: ['test/components/**/*.test.ts', 'test/reliability/lifecycle.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    ...base.plugins,
    {
      // Each test file first imports the hook that fails a test on a Lit warning.
      name: 'lantern:lit-dev-warnings',
      transform(context) {
        if (!/\/test\/.*\.test\.ts$/.test(context.path)) return undefined;
        return { body: `import '/test/lit-dev-warnings.ts';\n${context.body}` };
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>${failOnLitWarnings}</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
