/**
 * The patterns the OpenAPI document gives for free text and files say what the API takes, read as
 * ECMAScript and as a Python validator reads them (schemathesis: `re.ASCII`, a closing `$` as the
 * end of the string): one character at a time over the whole BMP, and the empty-file edge.
 */
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { SessionImportSchema } from '../../apps/api/src/contracts';
import { text } from '../../workflows/domain/contracts';

function pythonReading(pattern: string, values: string[]): boolean[] {
  const script = `import json, re, sys
p, values = json.load(sys.stdin)
r = re.compile(p[:-1] + r"\\Z" if p.endswith("$") else p, re.ASCII)
print(json.dumps([bool(r.search(v)) for v in values]))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify([pattern, values]) }).toString()) as boolean[];
}

function expectPatternToSay(schema: z.ZodType, pattern: string, values: string[]) {
  const taken = values.map((v) => schema.safeParse(v).success);
  expect(values.map((v) => new RegExp(pattern).test(v))).toEqual(taken);
  expect(pythonReading(pattern, values)).toEqual(taken);
}

test('a one-character text is taken exactly when the documented pattern matches it, in either reading', () => {
  const schema = text(10);
  const bmp = Array.from({ length: 0x10000 }, (_, i) => i).filter((c) => c < 0xd800 || c > 0xdfff);
  expectPatternToSay(schema, (z.toJSONSchema(schema) as { pattern: string }).pattern, bmp.map((c) => String.fromCharCode(c)));
  // The white space the API trims away is refused alone and kept inside.
  expect(schema.safeParse('\u3000').success).toBe(false);
  expect(schema.parse('\u3000意见 ')).toBe('意见');
});

test('the documented file pattern takes what the API takes: no newline for an empty file', () => {
  const { pattern } = z.toJSONSchema(SessionImportSchema.shape.file) as { pattern: string };
  expectPatternToSay(SessionImportSchema.shape.file, pattern, ['', '\n', 'QQ==', 'QUI=', 'QUJD', 'QUJD\n', 'QQ=', 'Q', '====', 'QUJD QUJD']);
});
