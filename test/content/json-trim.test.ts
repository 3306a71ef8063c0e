import { expect } from '@open-wc/testing';
import { trimJsonArrays } from '../../src/content/json-trim.js';

describe('trimJsonArrays (big bodies: lists cut to what the parser reads)', () => {
  it('keeps the first elements of every array, at any depth, and the rest of the document', () => {
    const doc = {
      title: 'a [tricky], "quoted" {title}',
      items: [
        { id: 'a', tags: ['1', '2', '3', '4', '5'], _x: { deep: [[1, 2, 3], 4, 5] } },
        { id: 'b', tags: [] },
        { id: 'c' },
        { id: 'd' },
      ],
      after: { n: 1, list: ['x,y', ']', '\\', '"'] },
    };
    const trimmed = JSON.parse(trimJsonArrays(JSON.stringify(doc), 3));
    expect(trimmed).to.deep.equal({
      title: 'a [tricky], "quoted" {title}',
      items: [
        { id: 'a', tags: ['1', '2', '3'], _x: { deep: [[1, 2, 3], 4, 5] } },
        { id: 'b', tags: [] },
        { id: 'c' },
      ],
      after: { n: 1, list: ['x,y', ']', '\\'] },
    });
  });

  it('leaves a document whose arrays are short exactly as it was', () => {
    const text = JSON.stringify({ items: [{ id: '1', tags: ['a'] }], s: 'x,[y]' });
    expect(trimJsonArrays(text, 3)).to.equal(text);
  });

  it('cuts half a million tags in well under a JSON.parse of the whole', () => {
    const text = JSON.stringify({
      items: [{ id: 'p1', tags: Array.from({ length: 520_000 }, (_, i) => `t${i}`) }],
    });
    const trimmed = JSON.parse(trimJsonArrays(text, 1001)) as { items: { tags: string[] }[] };
    expect(trimmed.items[0]!.tags).to.have.length(1001);
    expect(trimmed.items[0]!.tags[1000]).to.equal('t1000');
  });
});
