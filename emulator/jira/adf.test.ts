import { adfProblem, adfToHtml, adfToText, notAnAdfDocument, textToAdf } from './adf';

const doc = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Impact' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Pushes ' },
        { type: 'text', text: 'fail', marks: [{ type: 'strong' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'see ', marks: [] },
        { type: 'text', text: 'status', marks: [{ type: 'link', attrs: { href: 'https://status.example.com' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'EU <first>' }] }] }] },
  ],
};

describe('ADF documents', () => {
  it('accepts a valid document', () => {
    expect(adfProblem(doc)).toBeUndefined();
    expect(adfProblem(textToAdf('hello'))).toBeUndefined();
  });

  it('refuses plain text, other node types at the top and unknown nodes', () => {
    expect(adfProblem('plain text')).toBe(notAnAdfDocument);
    expect(adfProblem({ type: 'paragraph', content: [] })).toBe(notAnAdfDocument);
    expect(adfProblem({ type: 'doc', version: 1, content: [{ type: 'blink', content: [] }] })).toContain('invalid content');
    expect(adfProblem({ type: 'doc', content: [] })).toContain('required prop missing');
  });

  it('turns a document into lines of text', () => {
    expect(adfToText(doc)).toBe('Impact\nPushes fail\nsee status\nEU <first>');
  });

  it('renders a document as escaped HTML', () => {
    expect(adfToHtml(doc)).toBe(
      '<h2>Impact</h2><p>Pushes <b>fail</b><br />see <a href="https://status.example.com">status</a></p><ul><li><p>EU &lt;first&gt;</p></li></ul>',
    );
  });
});
