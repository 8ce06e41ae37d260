/** A generated file as the answer: its type, and a name the browser saves it under (UTF-8, RFC 6266). */
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileFormat = keyof typeof FILE_TYPES;

/** PDFs open in the browser (the console's preview); Word and Excel files are saved to be edited. */
export function sendFile(res: Response, file: Buffer, format: FileFormat, title: string, asciiName = 'document'): StreamableFile {
  res.setHeader('Content-Type', FILE_TYPES[format]);
  res.setHeader('Content-Disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`);
  return new StreamableFile(file);
}
