/**
 * Plain text ↔ HTML text for endpoints that parse their input as HTML (Google translateHtml).
 * Escaping and decoding are exact inverses applied once each, so text that merely looks like
 * markup or like an entity (`<script>`, `&amp;`) survives the round trip as the same text.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Decodes entities in a single left-to-right pass: the output of one replacement is never scanned
 * again, which is what makes `&amp;lt;` come back as the literal text `&lt;`.
 */
export function decodeHtmlEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return isDecodableCodePoint(codePoint) ? String.fromCodePoint(codePoint) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function isDecodableCodePoint(codePoint: number): boolean {
  // NUL and lone surrogates would only produce garbage in the page; keep the entity as written.
  if (!Number.isFinite(codePoint) || codePoint <= 0 || codePoint > 0x10ffff) return false;
  return codePoint < 0xd800 || codePoint > 0xdfff;
}
