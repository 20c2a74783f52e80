/**
 * Renders Atlassian Document Format (descriptions, comments, rich-text fields) the way Jira shows
 * it: paragraphs, headings, lists, code, quotes, panels, tables, mentions, links and text marks. A
 * node this renderer does not know still shows its text.
 */
import Lozenge from '@atlaskit/lozenge';
import { Box, Text, xcss } from '@atlaskit/primitives';
import { br, doc, p, text } from '@atlaskit/adf-utils/builders';
import type { DocNode } from '@atlaskit/adf-schema/doc';
import type { ReactNode } from 'react';
import * as z from 'zod/mini';

interface AdfNode {
  type: string;
  text?: string | undefined;
  attrs?: Record<string, unknown> | undefined;
  marks?: { type: string; attrs?: Record<string, unknown> | undefined }[] | undefined;
  content?: AdfNode[] | undefined;
}

const adfNode: z.ZodMiniType<AdfNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    text: z.optional(z.string()),
    attrs: z.optional(z.record(z.string(), z.unknown())),
    marks: z.optional(z.array(z.object({ type: z.string(), attrs: z.optional(z.record(z.string(), z.unknown())) }))),
    content: z.optional(z.array(adfNode)),
  }),
);

const panelStyles = xcss({ padding: 'space.150', borderRadius: 'radius.small', marginBlock: 'space.100' });
const quoteStyles = xcss({ borderInlineStart: '2px solid', borderColor: 'color.border', paddingInlineStart: 'space.150', marginBlock: 'space.100', color: 'color.text.subtle' });
const codeBlockStyles = xcss({ backgroundColor: 'color.background.neutral', padding: 'space.150', borderRadius: 'radius.small', overflowX: 'auto', marginBlock: 'space.100' });

const panelBackgrounds = {
  info: 'color.background.information',
  note: 'color.background.discovery',
  success: 'color.background.success',
  warning: 'color.background.warning',
  error: 'color.background.danger',
} as const;

function attr(node: AdfNode, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function plainText(node: AdfNode): string {
  if (node.text !== undefined) return node.text;
  return (node.content ?? []).map(plainText).join(node.type === 'paragraph' ? '' : ' ');
}

function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = new URL(href, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function renderText(node: AdfNode, key: number): ReactNode {
  let element: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    const href = mark.type === 'link' ? safeHref(typeof mark.attrs?.['href'] === 'string' ? mark.attrs['href'] : undefined) : undefined;
    if (mark.type === 'strong') element = <strong>{element}</strong>;
    else if (mark.type === 'em') element = <em>{element}</em>;
    else if (mark.type === 'code') element = <code>{element}</code>;
    else if (mark.type === 'strike') element = <s>{element}</s>;
    else if (mark.type === 'underline') element = <u>{element}</u>;
    else if (mark.type === 'subsup') element = mark.attrs?.['type'] === 'sup' ? <sup>{element}</sup> : <sub>{element}</sub>;
    else if (href !== undefined)
      element = (
        <a href={href} target="_blank" rel="noreferrer">
          {element}
        </a>
      );
  }
  return <span key={key}>{element}</span>;
}

function children(node: AdfNode): ReactNode[] {
  return (node.content ?? []).map(renderNode);
}

function renderNode(node: AdfNode, key: number): ReactNode {
  switch (node.type) {
    case 'doc':
      return <div key={key}>{children(node)}</div>;
    case 'paragraph':
      return (
        <p key={key} style={{ margin: '0 0 8px' }}>
          {children(node)}
        </p>
      );
    case 'text':
      return renderText(node, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'heading': {
      const level = Math.min(Math.max(Number(attr(node, 'level') ?? '2'), 1), 6);
      const Tag = `h${level}` as 'h1';
      return (
        <Tag key={key} style={{ margin: '16px 0 8px' }}>
          {children(node)}
        </Tag>
      );
    }
    case 'bulletList':
      return <ul key={key}>{children(node)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={Number(attr(node, 'order') ?? '1')}>
          {children(node)}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children(node)}</li>;
    case 'taskList':
      return (
        <ul key={key} style={{ listStyle: 'none', paddingInlineStart: 0 }}>
          {children(node)}
        </ul>
      );
    case 'taskItem':
      return (
        <li key={key}>
          <input type="checkbox" readOnly checked={attr(node, 'state') === 'DONE'} aria-label="Task" /> {children(node)}
        </li>
      );
    case 'codeBlock':
      return (
        <Box key={key} xcss={codeBlockStyles}>
          <pre style={{ margin: 0 }}>
            <code>{plainText(node)}</code>
          </pre>
        </Box>
      );
    case 'blockquote':
      return (
        <Box key={key} xcss={quoteStyles}>
          {children(node)}
        </Box>
      );
    case 'rule':
      return <hr key={key} />;
    case 'panel': {
      const type = (attr(node, 'panelType') ?? 'info') as keyof typeof panelBackgrounds;
      return (
        <Box key={key} xcss={panelStyles} backgroundColor={panelBackgrounds[type] ?? panelBackgrounds.info}>
          {children(node)}
        </Box>
      );
    }
    case 'mention':
      return (
        <Text key={key} weight="medium" color="color.link">
          {attr(node, 'text') ?? `@${attr(node, 'id') ?? 'someone'}`}
        </Text>
      );
    case 'emoji':
      return <span key={key}>{attr(node, 'text') ?? attr(node, 'shortName') ?? ''}</span>;
    case 'status':
      return (
        <Lozenge key={key} appearance="default">
          {attr(node, 'text') ?? ''}
        </Lozenge>
      );
    case 'date': {
      const timestamp = Number(attr(node, 'timestamp'));
      return <time key={key}>{Number.isFinite(timestamp) ? new Date(timestamp).toLocaleDateString() : ''}</time>;
    }
    case 'inlineCard':
    case 'blockCard': {
      const href = safeHref(attr(node, 'url'));
      return href === undefined ? null : (
        <a key={key} href={href} target="_blank" rel="noreferrer">
          {href}
        </a>
      );
    }
    case 'table':
      return (
        <table key={key} style={{ borderCollapse: 'collapse', margin: '8px 0' }}>
          <tbody>{children(node)}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{children(node)}</tr>;
    case 'tableHeader':
      return (
        <th key={key} style={{ border: '1px solid var(--ds-border, #ddd)', padding: 6, textAlign: 'left' }}>
          {children(node)}
        </th>
      );
    case 'tableCell':
      return (
        <td key={key} style={{ border: '1px solid var(--ds-border, #ddd)', padding: 6 }}>
          {children(node)}
        </td>
      );
    default:
      return <span key={key}>{plainText(node)}</span>;
  }
}

/** Shows an ADF document; anything that is not ADF is shown as text. */
export function AdfView({ document }: { document: unknown }) {
  if (document === null || document === undefined) return null;
  if (typeof document === 'string') return <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{document}</p>;
  const parsed = adfNode.safeParse(document);
  if (!parsed.success) return <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(document, null, 2)}</pre>;
  return <div className="adf-view">{renderNode(parsed.data, 0)}</div>;
}

/** Plain text as an ADF document: one paragraph per block of text, line breaks kept. */
export function textToAdf(value: string): DocNode {
  const blocks = value.trim().split(/\n{2,}/);
  return doc(...blocks.map((block) => p(...block.split('\n').flatMap((line, index) => [...(index > 0 ? [br()] : []), ...(line === '' ? [] : [text(line)])]))));
}
