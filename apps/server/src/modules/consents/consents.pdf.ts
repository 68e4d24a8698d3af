import { AUTHORIZER_KINDS } from '@portico/shared';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { invalid } from '../../http/errors.js';

export interface BlankFormProgram {
  name: string;
  organizationName: string;
  address?: string | null;
  phone?: string | null;
}
export interface BlankFormInput {
  networkName: string;
  title?: string;
  /** Null: blank lines the client fills in by hand. */
  client?: { firstName: string; lastName: string; birthDate: string } | null;
  /** May be a whole region's programs (MT-15 report 1): the list flows across pages. */
  programs: BlankFormProgram[];
  infoTypes: string[];
  /** Each gets its own initials line: sensitive categories need a separate, explicit authorization. */
  sensitiveTypes: string[];
  authorizer?: { kind: string; name: string; relationship?: string | null } | null;
  validDays: number;
  generatedAt: Date;
}

/** MT-10: an upload is a scanned signed form; 10 MiB fits many scanned pages. */
export const MAX_CONSENT_UPLOAD_BYTES = 10 * 1024 * 1024;

const WIDTH = 612; // US Letter, in points
const HEIGHT = 792;
const MARGIN = 54;
const FOOTER = 30; // reserved above the bottom margin for "Page X of Y"
const BODY = 10;
const GREY = rgb(0.35, 0.35, 0.35);

/** Helvetica only encodes WinAnsi: keep what it can, drop accents it can't, and show '?' for the rest. */
function winAnsi(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  const fits = (s: string) => [...s].every((c) => known.has(c.codePointAt(0) ?? -1));
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\s+/g, ' ')) {
    if (fits(ch)) out += ch;
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare && fits(bare) ? bare : '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the page (a long URL, say) is cut by characters.
    while (width(line) > maxWidth) {
      let cut = line.length - 1;
      while (cut > 1 && width(line.slice(0, cut)) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

interface TextOptions {
  size?: number;
  bold?: boolean;
  indent?: number;
  color?: ReturnType<typeof rgb>;
}

/** Lays text top to bottom, starting a new page whenever the next block would not fit. */
class FormWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([WIDTH, HEIGHT]);
    this.pages.push(this.page);
    this.y = HEIGHT - MARGIN;
  }

  /** Keeps a block of `height` points together on one page. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  lines(text: string, { size = BODY, bold = false, indent = 0 }: TextOptions = {}): string[] {
    const font = bold ? this.bold : this.regular;
    return wrap(font, size, winAnsi(font, text), WIDTH - 2 * MARGIN - indent);
  }

  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? BODY;
    const font = options.bold ? this.bold : this.regular;
    for (const line of this.lines(text, options)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.y, size, font, color: options.color });
    }
  }

  heading(text: string): void {
    this.ensure(BODY * 5); // a heading never ends a page alone
    this.gap(8);
    this.text(text, { size: 12, bold: true });
    this.gap(2);
  }

  checkbox(label: string, checked: boolean, indent = 0): void {
    const lines = this.lines(label, { indent: indent + 16 });
    this.ensure(lines.length * BODY * 1.35 + 2);
    const top = this.y - BODY * 1.35;
    this.page.drawRectangle({
      x: MARGIN + indent,
      y: top - 1,
      width: 9,
      height: 9,
      borderWidth: 0.8,
      borderColor: rgb(0, 0, 0),
    });
    if (checked) this.page.drawText('X', { x: MARGIN + indent + 1.6, y: top, size: 9, font: this.bold });
    this.text(label, { indent: indent + 16 });
    this.gap(2);
  }

  /** "Label: value" on a rule to write on; the value is pre-printed when known. */
  field(label: string, value = '', indent = 0): void {
    this.ensure(BODY * 2.6);
    this.gap(BODY * 2.2);
    const x = MARGIN + indent;
    const text = winAnsi(this.regular, `${label}:`);
    this.page.drawText(text, { x, y: this.y, size: BODY, font: this.regular });
    const start = x + this.regular.widthOfTextAtSize(text, BODY) + 6;
    this.page.drawLine({
      start: { x: start, y: this.y - 2 },
      end: { x: WIDTH - MARGIN, y: this.y - 2 },
      thickness: 0.6,
    });
    if (value) {
      const shown = wrap(this.bold, BODY, winAnsi(this.bold, value), WIDTH - MARGIN - start - 4)[0] ?? '';
      this.page.drawText(shown, { x: start + 4, y: this.y, size: BODY, font: this.bold });
    }
  }

  footer(left: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const label = `Page ${i + 1} of ${total}`;
      const y = MARGIN - 8;
      page.drawText(winAnsi(this.regular, left), { x: MARGIN, y, size: 8, font: this.regular, color: GREY });
      const x = WIDTH - MARGIN - this.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x, y, size: 8, font: this.regular, color: GREY });
    });
  }
}

function validity(days: number): string {
  if (days % 365 === 0) {
    const years = days / 365;
    return years === 1 ? 'one year' : `${years} years`;
  }
  return `${days} days`;
}

function drawPrograms(w: FormWriter, programs: BlankFormProgram[]): void {
  w.heading(`Programs that may share this information with each other (${programs.length})`);
  programs.forEach((p, i) => {
    const heading = `${i + 1}. ${p.name} — ${p.organizationName}`;
    const contact = [p.address, p.phone].filter((s): s is string => Boolean(s?.trim())).join(' · ');
    const contactLines = contact ? w.lines(contact, { indent: 18, size: 9 }).length : 0;
    w.ensure(w.lines(heading).length * BODY * 1.35 + contactLines * 9 * 1.35 + 3); // keep a program on one page
    w.text(heading);
    if (contact) w.text(contact, { indent: 18, size: 9, color: GREY });
    w.gap(3);
  });
}

function drawAuthorizer(w: FormWriter, authorizer: BlankFormInput['authorizer']): void {
  w.heading('Person signing this authorization (check one)');
  const kinds = AUTHORIZER_KINDS as Record<string, string>;
  const chosen = authorizer ? (kinds[authorizer.kind] ?? authorizer.kind) : null;
  for (const label of Object.values(kinds)) w.checkbox(label, label === chosen);
  if (chosen && !Object.values(kinds).includes(chosen)) w.checkbox(chosen, true);
  w.field('Name of the person signing', authorizer?.name ?? '');
  w.field('Relationship to the client', authorizer?.relationship ?? (authorizer?.kind === 'client' ? 'Self' : ''));
}

/** MT-10: the paper consent staff print for the client to sign and then upload (MT-15 report 1 for a region). */
export async function blankConsentPdf(input: BlankFormInput): Promise<Buffer> {
  const title = input.title ?? 'Authorization to release information';
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator(input.networkName);
  doc.setProducer('Portico');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  const w = new FormWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );

  w.text(title, { size: 16, bold: true });
  w.text(input.networkName, { size: 11, color: GREY });

  w.heading('Client');
  const client = input.client;
  w.field('Client name', client ? `${client.firstName} ${client.lastName}` : '');
  w.field('Date of birth', client?.birthDate ?? '');

  drawPrograms(w, input.programs);

  w.heading('Information that may be released');
  for (const label of input.infoTypes) w.checkbox(label, true);

  if (input.sensitiveTypes.length) {
    w.heading('Sensitive information (initial each category you authorize)');
    for (const label of input.sensitiveTypes) {
      w.text(`I specifically authorize release of: ${label}`);
      w.field('Initials', '', 18);
      w.gap(4);
    }
  }

  drawAuthorizer(w, input.authorizer);

  w.heading('Signature');
  w.text(
    `This authorization is valid for ${validity(input.validDays)} from the date signed. ` +
      'You may revoke it at any time by telling any program listed above, in writing or in person; ' +
      'revoking it does not undo information already released while it was valid.',
  );
  w.field('Signature');
  w.field('Date signed');

  w.footer(`${input.networkName} · printed ${input.generatedAt.toISOString().slice(0, 10)}`);
  return Buffer.from(await doc.save());
}

const HEADER = Buffer.from('%PDF-');
const EOF_MARK = Buffer.from('%%EOF');
const EOF_WINDOW = 1024; // writers may append whitespace or a trailing comment after %%EOF

/** MT-10: accepts a scanned signed form only if its bytes really are a PDF (the extension proves nothing). */
export async function assertPdf(bytes: Buffer): Promise<{ pages: number }> {
  if (bytes.length === 0) throw invalid('body', 'The file is empty.');
  if (bytes.length > MAX_CONSENT_UPLOAD_BYTES) throw invalid('body', 'The file is larger than 10 MB.');
  const notPdf = () => invalid('body', 'The file is not a PDF.');
  if (!bytes.subarray(0, HEADER.length).equals(HEADER)) throw notPdf();
  if (!bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).includes(EOF_MARK)) {
    throw invalid('body', 'The PDF is incomplete (it may have been cut off during upload).');
  }
  let pages = 0;
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    pages = doc.getPageCount();
  } catch {
    throw invalid('body', 'The PDF is damaged and cannot be read.');
  }
  if (pages < 1) throw invalid('body', 'The PDF has no pages.');
  return { pages };
}
