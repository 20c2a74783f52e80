/**
 * Atlassian Document Format: REST v3 carries rich text (descriptions, comments, text areas) as ADF,
 * checked here with Atlassian's own validator, and turned into text (search, changelog, email) or
 * HTML (`renderedFields`).
 */
import type { ADFEntity } from '@atlaskit/adf-utils/types';
import { validator } from '@atlaskit/adf-utils/validator';
import { setBooleanFeatureFlagResolver } from '@atlaskit/platform-feature-flags';

// The validator reads feature gates; with no gate client every gate is off, which is what this
// resolver answers too, minus the console error an uninitialised client prints.
setBooleanFeatureFlagResolver(() => false);

const validate = validator();

export const notAnAdfDocument = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

/**
 * Jira keeps a rich-text value (description, textarea custom fields, comments) in one text column of
 * 32,767 characters and counts the document as stored, markup included, so a document whose
 * visible text is well under the limit can still be refused.
 */
export const richTextLimit = 32_767;
export const richTextTooLong = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';

/** Why `value` is not a valid ADF document (or one too long to store), or undefined when it is one. */
export function adfProblem(value: unknown): string | undefined {
  if (!isNode(value) || value.type !== 'doc') return notAnAdfDocument;
  if (JSON.stringify(value).length > richTextLimit) return richTextTooLong;
  const problems: string[] = [];
  const output = validate(value as ADFEntity, (entity, error) => {
    problems.push(error.message);
    return entity;
  });
  if (!output.valid || problems.length > 0) return `${notAnAdfDocument}: ${problems.join(' ') || 'invalid document'}`;
  return undefined;
}

interface AdfNode {
  type: string;
  text?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
  marks?: unknown;
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
}

function children(node: AdfNode): AdfNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

const blockTypes = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'blockquote', 'panel', 'rule', 'tableRow', 'mediaSingle', 'expand', 'taskItem', 'decisionItem']);

/** The document's text, one line per block, as search and plain-text email see it. */
export function adfToText(value: unknown): string {
  if (!isNode(value)) return '';
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') lines.push(current.trim());
    current = '';
  };
  const walk = (node: AdfNode): void => {
    switch (node.type) {
      case 'text':
        current += typeof node.text === 'string' ? node.text : '';
        return;
      case 'hardBreak':
        flush();
        return;
      case 'mention':
      case 'emoji':
        current += stringAttr(node, 'text') ?? stringAttr(node, 'shortName') ?? '';
        return;
      case 'inlineCard':
      case 'blockCard':
        current += stringAttr(node, 'url') ?? '';
        return;
      case 'status':
      case 'date':
        current += stringAttr(node, 'text') ?? stringAttr(node, 'timestamp') ?? '';
        return;
      default:
        if (blockTypes.has(node.type)) flush();
        children(node).forEach(walk);
        if (blockTypes.has(node.type)) flush();
    }
  };
  walk(value);
  flush();
  return lines.join('\n');
}

/** The document as the HTML Jira shows in `renderedFields` and `renderedBody`. */
export function adfToHtml(value: unknown): string {
  return isNode(value) ? renderHtml(value) : '';
}

function renderHtml(node: AdfNode): string {
  const inner = (): string => children(node).map(renderHtml).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = typeof node.attrs?.['level'] === 'number' ? node.attrs['level'] : 1;
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${inner()}</code></pre>`;
    case 'rule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'panel':
      return `<div class="panel panel-${escapeHtml(stringAttr(node, 'panelType') ?? 'info')}">${inner()}</div>`;
    case 'table':
      return `<table>${inner()}</table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th>${inner()}</th>`;
    case 'tableCell':
      return `<td>${inner()}</td>`;
    case 'mention':
      return `<a class="user-hover" data-account-id="${escapeHtml(stringAttr(node, 'id') ?? '')}">${escapeHtml(stringAttr(node, 'text') ?? '')}</a>`;
    case 'inlineCard':
    case 'blockCard': {
      const url = escapeHtml(stringAttr(node, 'url') ?? '');
      return `<a href="${url}">${url}</a>`;
    }
    case 'emoji':
      return escapeHtml(stringAttr(node, 'text') ?? stringAttr(node, 'shortName') ?? '');
    case 'text':
      return applyMarks(escapeHtml(typeof node.text === 'string' ? node.text : ''), node.marks);
    default:
      return inner();
  }
}

function applyMarks(html: string, marks: unknown): string {
  if (!Array.isArray(marks)) return html;
  return marks.filter(isNode).reduce((text, mark) => {
    switch (mark.type) {
      case 'strong':
        return `<b>${text}</b>`;
      case 'em':
        return `<em>${text}</em>`;
      case 'code':
        return `<code>${text}</code>`;
      case 'strike':
        return `<del>${text}</del>`;
      case 'underline':
        return `<ins>${text}</ins>`;
      case 'link':
        return `<a href="${escapeHtml(stringAttr(mark, 'href') ?? '')}">${text}</a>`;
      default:
        return text;
    }
  }, html);
}

function stringAttr(node: AdfNode, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A one-paragraph ADF document holding `text` (used for Jira-authored comments). */
export function textToAdf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] }] };
}
