import { pathologicalMarkdown } from '../fixtures/attacks/index.js';
import { renderMarkdown } from '../../src/content/rich.js';
import { roughText, readingMinutes } from '../../src/content/text.js';
import { TARGETS, loadTargets, mountWith } from './targets.js';

describe('scratch', function () {
  this.timeout(300000);
  it('phases', async () => {
    await loadTargets();
    const stage = document.createElement('div');
    document.body.append(stage);
    await renderMarkdown('warm *up*');
    for (const e of pathologicalMarkdown) {
      const t0 = performance.now();
      const frag = await renderMarkdown(e.input);
      const t1 = performance.now();
      readingMinutes(roughText(e.input));
      const t2 = performance.now();
      stage.append(frag);
      stage.getBoundingClientRect();
      const t3 = performance.now();
      stage.replaceChildren();
      const times: string[] = [];
      for (const t of TARGETS.filter((t) => t.available && t.tag !== 'lantern-article-list')) {
        const s = performance.now();
        await mountWith(t, { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: 'p1', title: 't', summary: 's', attachments: [{ url: '/demo/files/nkdb-military-report-en.pdf', mime_type: 'application/pdf' }], _lantern: { content_markdown: e.input, series: { id: 'attack-series', title: 'S', part: 1, total: 1 } } }] }, 'property', stage, { item: 'p1' });
        stage.getBoundingClientRect();
        times.push(`${t.tag.slice(8)}=${Math.round(performance.now() - s)}`);
        stage.replaceChildren();
      }
      console.log(`${e.name}: render=${Math.round(t1 - t0)} rough=${Math.round(t2 - t1)} layout=${Math.round(t3 - t2)} ${times.join(' ')}`);
    }
  });
});
