// The receipt as a one-page A4 PDF, labels in Chinese and English. The signed JWS is in it
// twice: printed at the bottom (so a paper copy can be checked by typing or scanning it) and
// in the document information as /WalletReceiptJWS, uncompressed, which is what the /verify
// page and verifier/verify-receipt.mjs read. Chinese text is drawn with Noto Sans SC subsets.
import 'server-only';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatMoney, isCurrency } from '../../ledger';
import { PDF_JWS_KEY } from '../../lib/receipts/extract-receipt-jws';
import type { ReceiptDocument, ReceiptFile } from '../../lib/receipts/receipt-document';
import en from '../../messages/receipts/en.json';
import zh from '../../messages/receipts/zh-CN.json';
import { fontSliceFor, readFontSlice } from './receipt-font-files';

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const LABEL_WIDTH = 150;
const GRAY = rgb(0.42, 0.45, 0.5);
const INK = rgb(0.07, 0.09, 0.15);
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

type Labels = typeof zh.receipts.document;
const ZH: Labels = zh.receipts.document;
const EN: Labels = en.receipts.document;

type Row = { label: keyof Labels; value: string };

function money(amount: string, currency: string): string {
  return isCurrency(currency) ? formatMoney({ amount: BigInt(amount), currency }, 'zh-CN') : `${amount} ${currency}`;
}

function shanghaiTime(iso: string): string {
  return `${new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')} (UTC+8)`;
}

function rows(r: ReceiptDocument): Row[] {
  const all: (Row | false)[] = [
    { label: 'receiptNo', value: r.receiptNo },
    {
      label: 'type',
      value: `${ZH.types[r.type]} ${EN.types[r.type]} · ${ZH.holders[r.holder.kind]} ${EN.holders[r.holder.kind]}`,
    },
    { label: 'status', value: `${ZH.succeeded} ${EN.succeeded}` },
    { label: 'amount', value: money(r.amount, r.currency) },
    { label: 'fee', value: money(r.fee, r.currency) },
    {
      label: 'net',
      value: `${r.direction === 'CREDIT' ? `${ZH.credit} ${EN.credit}` : `${ZH.debit} ${EN.debit}`}  ${money(r.net, r.currency)}`,
    },
    r.balanceAfter !== null && { label: 'balanceAfter', value: money(r.balanceAfter, r.currency) },
    { label: 'holder', value: r.holder.name },
    r.holder.account !== null && { label: 'holderAccount', value: r.holder.account },
    r.counterparty !== null && { label: 'counterparty', value: r.counterparty.name },
    r.counterparty?.account != null && { label: 'counterpartyAccount', value: r.counterparty.account },
    r.order !== null && { label: 'order', value: r.order.merchantOrderNo },
    r.order !== null && { label: 'subject', value: r.order.subject },
    r.memo !== null && r.memo !== '' && { label: 'memo', value: r.memo },
    { label: 'createdAt', value: shanghaiTime(r.createdAt) },
    { label: 'completedAt', value: shanghaiTime(r.completedAt) },
    { label: 'operationId', value: r.operationId },
    { label: 'ledgerEntryId', value: r.ledgerEntryId },
    r.bankReference !== null && { label: 'bankReference', value: r.bankReference },
  ];
  return all.filter((row): row is Row => row !== false);
}

/** Draws text that mixes scripts: each run in the font slice that has its characters. */
class MixedText {
  private constructor(
    private readonly fontOf: Map<string, PDFFont>,
    private readonly fallback: PDFFont,
  ) {}

  /** Embeds the slices that the given texts need (each only with the glyphs used). */
  static async embed(doc: PDFDocument, texts: string[]): Promise<MixedText> {
    const sliceOf = new Map<string, string>();
    for (const ch of new Set(Array.from(texts.join('')))) {
      const name = await fontSliceFor(ch.codePointAt(0)!);
      if (name) sliceOf.set(ch, name);
    }
    const fonts = new Map<string, PDFFont>();
    for (const name of new Set(sliceOf.values())) {
      fonts.set(name, await doc.embedFont(await readFontSlice(name), { subset: true }));
    }
    const fontOf = new Map(Array.from(sliceOf, ([ch, name]) => [ch, fonts.get(name)!] as const));
    return new MixedText(fontOf, await doc.embedFont(StandardFonts.Helvetica));
  }

  // A character no font here has (an emoji in a memo) prints as "?", never as nothing.
  private glyph(ch: string): { font: PDFFont; ch: string } {
    const font = this.fontOf.get(ch);
    return font ? { font, ch } : { font: this.fallback, ch: '?' };
  }

  private runs(text: string): { font: PDFFont; text: string }[] {
    const out: { font: PDFFont; text: string }[] = [];
    for (const { font, ch } of Array.from(text, (c) => this.glyph(c))) {
      const last = out.at(-1);
      if (last && last.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  /** Lines of at most `maxWidth`, broken between characters (Chinese has no spaces to break at). */
  wrap(text: string, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    let line = '';
    let width = 0;
    for (const ch of Array.from(text.replace(/\s+/g, ' '))) {
      const { font, ch: drawn } = this.glyph(ch);
      const w = font.widthOfTextAtSize(drawn, size);
      if (line !== '' && width + w > maxWidth) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += ch;
      width += w;
    }
    return [...lines, line];
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, color = INK): void {
    let at = x;
    for (const run of this.runs(text)) {
      page.drawText(run.text, { x: at, y, size, font: run.font, color });
      at += run.font.widthOfTextAtSize(run.text, size);
    }
  }
}

export async function renderReceiptPdf({ receipt, jws }: ReceiptFile): Promise<Uint8Array> {
  // No "now" in the file: the same receipt renders the same PDF.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const table = rows(receipt);
  const texts = [
    `${ZH.title} ${EN.title}`,
    ZH.signature,
    EN.signature,
    ZH.howToVerify,
    EN.howToVerify,
    ...table.flatMap((row) => [ZH[row.label] as string, EN[row.label] as string, row.value]),
  ];
  const text = await MixedText.embed(doc, texts);
  const mono = await doc.embedFont(StandardFonts.Courier);

  doc.setTitle(`${ZH.title} ${receipt.receiptNo}`);
  doc.setSubject(`${EN.title} ${receipt.receiptNo}`);
  doc.setCreationDate(new Date(receipt.completedAt));
  doc.setModificationDate(new Date(receipt.completedAt));
  // A literal string of base64url characters and dots: nothing in it needs escaping.
  doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of(PDF_JWS_KEY), PDFString.of(jws));

  // Writes down the page; a long memo or subject goes on to a new page.
  let page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const rule = (thickness: number) =>
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness, color: GRAY });
  const width = PAGE[0] - 2 * MARGIN;

  y -= 20;
  text.draw(page, `${ZH.title}  ${EN.title}`, MARGIN, y, 20);
  y -= 14;
  rule(0.8);
  y -= 22;
  for (const row of table) {
    const lines = text.wrap(row.value, 10.5, width - LABEL_WIDTH);
    room(Math.min(lines.length, 2) * 14);
    text.draw(page, ZH[row.label] as string, MARGIN, y, 10.5, GRAY);
    text.draw(page, EN[row.label] as string, MARGIN, y - 11, 7.5, GRAY);
    for (const [i, line] of lines.entries()) {
      if (i > 0) {
        y -= 14;
        room(14);
      }
      text.draw(page, line, MARGIN + LABEL_WIDTH, y, 10.5);
    }
    y -= lines.length > 1 ? 22 : 26;
  }

  const perLine = Math.floor(width / mono.widthOfTextAtSize('M', 6.5));
  const jwsLines = Array.from({ length: Math.ceil(jws.length / perLine) }, (_, i) =>
    jws.slice(i * perLine, (i + 1) * perLine),
  );
  room(40 + jwsLines.length * 8);
  y -= 6;
  rule(0.5);
  y -= 16;
  text.draw(page, `${ZH.signature}  ${EN.signature}`, MARGIN, y, 9, GRAY);
  y -= 12;
  for (const line of jwsLines) {
    page.drawText(line, { x: MARGIN, y, size: 6.5, font: mono, color: INK });
    y -= 8;
  }
  y -= 8;
  for (const [note, size] of [
    [ZH.howToVerify, 8],
    [EN.howToVerify, 7.5],
  ] as const) {
    for (const line of text.wrap(note, size, width)) {
      room(size + 3);
      text.draw(page, line, MARGIN, y, size, GRAY);
      y -= size + 3;
    }
  }
  // No object streams: the information dictionary stays readable as plain bytes.
  return doc.save({ useObjectStreams: false });
}
