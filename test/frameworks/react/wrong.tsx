// Checked on its own and expected to FAIL `tsc`: the line after each `wrong:` comment is an
// error the generated types must catch (test/e2e/frameworks.test.mjs asserts exactly those).
import type {} from 'lantern-widgets/react';

export const wrong = (
  <>
    {/* wrong: theme is 'light' | 'dark' | 'auto' */}
    <lantern-article-card theme="purple" />
    {/* wrong: layout is 'grid' | 'list' */}
    <lantern-article-list layout="diagonal" />
    {/* wrong: mode is 'navigation' | 'reader' */}
    <lantern-story-navigator mode="slideshow" />
    {/* wrong: feed is a Feed object, not a URL */}
    <lantern-article-list feed="feed.json" />
    {/* wrong: hide-images is a boolean */}
    <lantern-article-card hide-images="yes" />
    {/* wrong: the part-change detail is { part, item } */}
    <lantern-story-navigator onlantern-part-change={(e) => e.detail.page} />
    {/* wrong: the download detail has size_in_bytes, not bytes */}
    <lantern-report-download onlantern-download={(e) => e.detail.bytes} />
    {/* wrong: the load detail is { items } */}
    <lantern-article-card onlantern-load={(e) => e.detail.count} />
    {/* right, for contrast: these type-check */}
    <lantern-article-card theme="auto" hide-images heading-level="3" />
  </>
);
