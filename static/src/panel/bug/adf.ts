/** The little of the Atlassian Document Format a bug report needs (Jira's dialog takes descriptions as ADF). */

interface Text {
  type: 'text';
  text: string;
  marks?: Array<{ type: 'strong' }>;
}
type Inline = Text | { type: 'hardBreak' };
interface Paragraph {
  type: 'paragraph';
  content: Inline[];
}
interface Heading {
  type: 'heading';
  attrs: { level: number };
  content: Text[];
}
interface ListItem {
  type: 'listItem';
  content: Paragraph[];
}
interface OrderedList {
  type: 'orderedList';
  content: ListItem[];
}
type Block = Paragraph | Heading | OrderedList;

export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: Block[];
}

export const doc = (content: Block[]): AdfDoc => ({ version: 1, type: 'doc', content });

export const strong = (text: string): Text => ({ type: 'text', text, marks: [{ type: 'strong' }] });

/** A paragraph; the line breaks a tester typed stay line breaks. Empty text pieces are dropped (ADF refuses them). */
export function paragraph(...parts: Array<string | Text>): Paragraph {
  const content: Inline[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      if (part.text) content.push(part);
      continue;
    }
    part.split('\n').forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' });
      if (line) content.push({ type: 'text', text: line });
    });
  }
  return { type: 'paragraph', content };
}

export const heading = (text: string, level = 3): Heading => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });

export const orderedList = (items: Paragraph[][]): OrderedList => ({ type: 'orderedList', content: items.map((content) => ({ type: 'listItem', content })) });
