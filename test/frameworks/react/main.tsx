// A partner's React 19 app, as the README tells it: the npm import registers the elements and
// `lantern-widgets/react` types their JSX. No declarations of its own: `tsc` must pass as is.
import 'lantern-widgets';
import type {} from 'lantern-widgets/react';
import type {
  LanternDownloadDetail,
  LanternErrorDetail,
  LanternLoadDetail,
  LanternPartChangeDetail,
} from 'lantern-widgets';
import type { Feed } from 'lantern-widgets/content';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const feedUrl = new URL('/demo/feed.json', location.href).href;

function App() {
  const [feed, setFeed] = useState<Feed>();
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);

  useEffect(() => {
    void fetch(feedUrl)
      .then((response) => response.json() as Promise<Feed>)
      .then(setFeed);
  }, []);

  // Typed with the package's exported details: a wrong field here fails `tsc`.
  const onPartChange = (event: CustomEvent<LanternPartChangeDetail>) =>
    note(`navigator part-change ${event.detail.part} ${event.detail.item.id}`);
  const onDownload = (event: CustomEvent<LanternDownloadDetail>) => {
    event.preventDefault(); // the app counts the download and keeps the test page in place
    note(`report download ${new URL(event.detail.url).pathname}`);
  };
  const onError = (event: CustomEvent<LanternErrorDetail>) =>
    note(`broken error ${event.detail.kind}`);
  const onLoad = (tag: string) => (event: CustomEvent<LanternLoadDetail>) =>
    note(`${tag} load ${event.detail.items}`);

  if (!feed) return <p>Loading…</p>;
  const story = feed.items.find((item) => item.id === 'north-korean-soldiers-russia-ukraine');
  const report = feed.items.find((item) => item.id === 'nkdb-military-report');
  return (
    <main>
      {/* An item passed alone: its relative image resolves against baseUrl. */}
      <lantern-article-card
        id="card"
        item={story}
        baseUrl={feedUrl}
        theme="dark"
        layout="horizontal"
        heading-level={3}
        onlantern-load={onLoad('card')}
      />
      <lantern-article-list
        id="list"
        feed={feed}
        limit={2}
        card-layout="compact"
        onlantern-load={onLoad('list')}
      />
      <lantern-story-navigator
        id="navigator"
        feed={feed}
        series="yoon-ha"
        mode="reader"
        partNumber={1}
        onlantern-load={onLoad('navigator')}
        onlantern-part-change={onPartChange}
      />
      <lantern-report-download
        id="report"
        item={report}
        baseUrl={feedUrl}
        hideImages
        onlantern-load={onLoad('report')}
        onlantern-download={onDownload}
      />
      <lantern-article-card id="broken" src="/demo/missing-feed.json" onlantern-error={onError} />
      <ol id="log">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
