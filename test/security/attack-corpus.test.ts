import { expect } from '@open-wc/testing';
import { attackCorpus, materialize } from '../fixtures/attacks/index.js';
import { muteWarnings, runEntry } from './corpus-runner.js';
import { auditRendered, deepElements, installTrap, takeFindings } from './trap.js';
import { TARGETS, attackFeed, expectNoFailures, loadTargets, mountWith } from './targets.js';

installTrap();

const classes = [...new Set(attackCorpus.map((entry) => entry.class))];

describe('attack corpus: every input, every path, every element', function () {
  this.timeout(240_000);
  let stage: HTMLElement;

  before(async () => {
    await loadTargets();
    stage = document.createElement('div');
    stage.style.cssText = 'width: 900px';
    document.body.prepend(stage);
  });
  after(() => stage.remove());

  it('has at least 100 inputs in every class the issue lists', () => {
    expect(attackCorpus.length).to.be.at.least(100);
    expect(classes).to.have.members([
      'script-and-handlers',
      'dangerous-urls',
      'svg-mathml-mutation',
      'template-noscript-style',
      'dom-clobbering',
      'css-injection',
      'forms-formaction',
      'base-and-meta',
      'iframe-srcdoc',
      'markdown-abuse',
      'tracking-pixels',
      'huge-and-nested',
    ]);
  });

  it('the trap itself notices a payload that runs, a bad element and a beacon request', async () => {
    const probe = document.createElement('div');
    const root = probe.attachShadow({ mode: 'open' });
    stage.append(probe);
    // Deliberately unsafe, to prove the trap can fail a test.
    root.innerHTML = `<img src="x" onerror="window.__pwned=1"><img src="${location.origin}/test-server/beacon/trap-self-test">`;
    await new Promise((r) => setTimeout(r, 300));
    const findings = await takeFindings();
    expect(findings.map((f) => f.kind)).to.include.members(['script', 'request']);
    expect(auditRendered(probe).map((f) => f.detail)).to.include('<img onerror> handler');
    probe.remove();
  });

  for (const attackClass of classes) {
    const entries = attackCorpus.filter((entry) => entry.class === attackClass);
    it(`${attackClass} (${entries.length} inputs): nothing runs, navigates or leaks, and the text shows`, async () => {
      const mute = muteWarnings();
      const failures: string[] = [];
      try {
        for (const entry of entries) failures.push(...(await runEntry(entry, stage)));
        await new Promise((r) => setTimeout(r, 300));
        for (const f of await takeFindings())
          failures.push(`[${attackClass}] late ${f.kind}: ${f.detail}`);
      } finally {
        const warnings = mute.restore();
        console.info(`${attackClass}: ${entries.length} inputs, ${warnings} console warnings`);
      }
      expectNoFailures(failures);
    });
  }

  it('with hide-images no element renders or requests any image, whatever the content says', async () => {
    const mute = muteWarnings();
    const failures: string[] = [];
    const before = performance.getEntriesByType('resource').length;
    try {
      for (const raw of attackCorpus.filter((e) => e.input.length < 20_000)) {
        const entry = materialize(raw);
        const feed = attackFeed(entry.input, 'html', entry.class === 'dangerous-urls');
        for (const target of TARGETS) {
          const { el } = await mountWith(target, feed, 'property', stage, { 'hide-images': '' });
          for (const node of deepElements(el.shadowRoot!)) {
            if (['img', 'picture', 'image', 'video'].includes(node.localName)) {
              failures.push(`${entry.name} <${target.tag}>: <${node.localName}> rendered`);
            }
          }
        }
        stage.replaceChildren();
      }
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      mute.restore();
    }
    const images = performance
      .getEntriesByType('resource')
      .slice(before)
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'img');
    failures.push(...images.map((e) => `image request: ${e.name}`));
    expectNoFailures(failures);
  });
});
