import { useState } from 'react';
import { words } from '../../../src/shared/words/base';

/** Longer than this (characters or lines), a text is clamped with "Show more". */
const CLAMP_CHARS = 240;
const CLAMP_LINES = 4;

/**
 * Text a person wrote (a comment, an actual result): its line breaks kept, and a long one clamped to
 * a few lines with "Show more", so a 2,000-character comment does not crowd out everything beside it.
 */
export function LongText({ text, className }: { text: string; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > CLAMP_CHARS || text.split('\n').length > CLAMP_LINES;
  const classes = ['long-text', className, long && !expanded ? 'long-text-clamped' : ''].filter(Boolean).join(' ');
  return (
    <div className="long-text-wrap">
      <p className={classes}>{text}</p>
      {long && (
        <button type="button" className="btn btn-link show-more-text" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? words.common.showLess : words.common.showMore}
        </button>
      )}
    </div>
  );
}
