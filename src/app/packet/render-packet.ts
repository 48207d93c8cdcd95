/**
 * Draws the medical-necessity packet with pdf-lib: US Letter pages, Helvetica (WinAnsi: characters it cannot
 * encode are replaced, "≥" becomes ">="), our own line wrapping, a page break wherever the next piece does
 * not fit, each block's diary drawn as a relief curve with its threshold line and the agent's expected
 * window, and a footer on every page. Pure: the same data gives the same drawing.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import {
  CRITERION_STATUS_TEXT,
  earliestAllowed,
  PROCEDURE_KIND_TEXT,
  VERDICT_TEXT,
  whenAllowed,
} from '../../contract/decision.js';
import type { PacketBlock, PacketData } from './packet-data.js';

const PAGE: [number, number] = [612, 792];
const MARGIN = 54;
/** The footer's baseline; content stays above BOTTOM. */
const FOOT_Y = 30;
const BOTTOM = 66;
const WIDTH = PAGE[0] - 2 * MARGIN;
const INK = rgb(0.106, 0.141, 0.188);
const MUTED = rgb(0.29, 0.333, 0.396);
const LINE = rgb(0.72, 0.76, 0.81);
const BRAND = rgb(0.043, 0.341, 0.643);
const SHADE = rgb(0.87, 0.92, 0.97);
const THRESHOLD = rgb(0.64, 0.09, 0.1);

const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '✓': 'v',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/** Text the font can encode: known replacements, then anything else outside its character set → "?". */
function encoder(font: PDFFont): (s: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (s) => {
    let out = '';
    for (const ch of s.normalize('NFC')) {
      const r = REPLACEMENTS[ch];
      if (r !== undefined) out += r;
      else if (ch === '\n' || ch === '\t') out += ' ';
      else out += supported.has(ch.codePointAt(0)!) ? ch : '?';
    }
    return out;
  };
}

/** Words wrapped to a width; a word longer than the width is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let n = rest.length - 1;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

const pct = (n: number) => `${Math.round(n)} %`;
const exact = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const minutes = (m: number) =>
  m < 60 ? `${m} min` : m % 60 === 0 ? `${m} min (${m / 60} h)` : `${m} min (${(m / 60).toFixed(1)} h)`;
const joints = (js: { joint: string; side: string }[]) => js.map((j) => `${j.joint} ${j.side}`).join(', ');
const label = (s: string) => s.replace(/-/g, ' ');

interface Column {
  header: string;
  width: number;
}

class Writer {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  readonly enc: (s: string) => string;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.enc = encoder(font);
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.y = PAGE[1] - MARGIN;
  }

  /** Starts a new page unless `height` points fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(
    s: string,
    opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    const lineHeight = size * 1.3;
    for (const line of wrap(this.enc(s), font, size, WIDTH - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y + size * 0.25,
        size,
        font,
        color: opts.color ?? INK,
      });
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }

  heading(s: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    this.ensure(size * 1.4 + 80); // never a heading alone at the foot of a page
    this.gap(level === 1 ? 0 : 10);
    this.text(s, { size, bold: true, color: level === 1 ? INK : BRAND });
    if (level === 2) {
      this.page.drawLine({
        start: { x: MARGIN, y: this.y - 2 },
        end: { x: MARGIN + WIDTH, y: this.y - 2 },
        thickness: 0.75,
        color: LINE,
      });
      this.gap(6);
    } else this.gap(2);
  }

  /** "Label: value" lines with the label in bold. */
  fields(rows: [string, string][]): void {
    const size = 10;
    const labelWidth = 150;
    for (const [k, v] of rows) {
      const lines = wrap(this.enc(v || '—'), this.font, size, WIDTH - labelWidth);
      const lineHeight = size * 1.3;
      this.ensure(lineHeight * lines.length);
      this.page.drawText(this.enc(k), {
        x: MARGIN,
        y: this.y - lineHeight + size * 0.25,
        size,
        font: this.bold,
        color: INK,
      });
      for (const line of lines) {
        this.y -= lineHeight;
        this.page.drawText(line, {
          x: MARGIN + labelWidth,
          y: this.y + size * 0.25,
          size,
          font: this.font,
          color: INK,
        });
      }
    }
  }

  /** A table whose cells wrap; the header row is repeated on every page the table runs onto. */
  table(columns: Column[], rows: string[][], size = 9): void {
    const pad = 3;
    const lineHeight = size * 1.3;
    const totalWidth = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / totalWidth) * WIDTH);
    const drawRow = (cells: string[], font: PDFFont, shaded: boolean) => {
      const wrapped = cells.map((c, i) => wrap(this.enc(c || '—'), font, size, widths[i]! - 2 * pad));
      const height = Math.max(...wrapped.map((w) => w.length)) * lineHeight + 2 * pad;
      return { wrapped, height, font, shaded };
    };
    const header = drawRow(
      columns.map((c) => c.header),
      this.bold,
      true,
    );
    const paint = (r: ReturnType<typeof drawRow>) => {
      if (r.shaded) {
        this.page.drawRectangle({
          x: MARGIN,
          y: this.y - r.height,
          width: WIDTH,
          height: r.height,
          color: rgb(0.95, 0.96, 0.98),
        });
      }
      let x = MARGIN;
      r.wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => {
          this.page.drawText(line, {
            x: x + pad,
            y: this.y - pad - (k + 1) * lineHeight + size * 0.3,
            size,
            font: r.font,
            color: INK,
          });
        });
        x += widths[i]!;
      });
      this.y -= r.height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + WIDTH, y: this.y },
        thickness: 0.5,
        color: LINE,
      });
    };
    this.ensure(header.height + lineHeight * 2 + 2 * pad);
    paint(header);
    for (const cells of rows) {
      const r = drawRow(cells, this.font, false);
      if (this.y - r.height < BOTTOM) {
        this.newPage();
        paint(header);
      }
      paint(r);
    }
    this.gap(4);
  }

  /** The diary's relief over time: the curve, the threshold line and the agent's expected window. */
  chart(block: PacketBlock): void {
    const i = block.interpretation;
    const height = 150;
    const left = 40;
    const bottom = 28;
    this.ensure(height + bottom + 16);
    const top = this.y - 8;
    const x0 = MARGIN + left;
    const y0 = top - height;
    const w = WIDTH - left - 10;
    const lastPoint = i.points.length ? i.points[i.points.length - 1]!.minutesAfter : 0;
    const span = Math.max(lastPoint, i.agentWindow?.toMinutes ?? 0, 60);
    const step = span <= 240 ? 30 : span <= 720 ? 120 : span <= 1440 ? 240 : 480;
    const maxX = Math.ceil(span / step) * step;
    const X = (m: number) => x0 + (m / maxX) * w;
    const Y = (p: number) => y0 + (Math.max(0, Math.min(100, p)) / 100) * height;
    const small = 7;

    if (i.agentWindow) {
      const from = X(Math.min(i.agentWindow.fromMinutes, maxX));
      const to = X(Math.min(i.agentWindow.toMinutes, maxX));
      this.page.drawRectangle({ x: from, y: y0, width: Math.max(0, to - from), height, color: SHADE });
      this.page.drawText(
        this.enc(`${i.agent} expected ${i.agentWindow.fromMinutes}–${i.agentWindow.toMinutes} min`),
        { x: from + 3, y: y0 + height - 10, size: small, font: this.font, color: BRAND },
      );
    }
    for (let p = 0; p <= 100; p += 20) {
      this.page.drawLine({
        start: { x: x0, y: Y(p) },
        end: { x: x0 + w, y: Y(p) },
        thickness: 0.3,
        color: LINE,
      });
      const t = `${p} %`;
      this.page.drawText(t, {
        x: x0 - 4 - this.font.widthOfTextAtSize(t, small),
        y: Y(p) - 2.5,
        size: small,
        font: this.font,
        color: MUTED,
      });
    }
    for (let m = 0; m <= maxX; m += step) {
      this.page.drawLine({
        start: { x: X(m), y: y0 },
        end: { x: X(m), y: y0 - 3 },
        thickness: 0.5,
        color: INK,
      });
      const t = m % 60 === 0 ? `${m / 60} h` : `${m} min`;
      this.page.drawText(t, {
        x: X(m) - this.font.widthOfTextAtSize(t, small) / 2,
        y: y0 - 12,
        size: small,
        font: this.font,
        color: MUTED,
      });
    }
    this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x0 + w, y: y0 }, thickness: 0.8, color: INK });
    this.page.drawLine({
      start: { x: x0, y: y0 },
      end: { x: x0, y: y0 + height },
      thickness: 0.8,
      color: INK,
    });
    const axis = 'Time after the block';
    this.page.drawText(axis, {
      x: x0 + w / 2 - this.font.widthOfTextAtSize(axis, small) / 2,
      y: y0 - 22,
      size: small,
      font: this.font,
      color: MUTED,
    });

    const thresholdText = `threshold ${i.thresholdInclusive ? '>=' : '>'} ${i.threshold} %`;
    this.page.drawLine({
      start: { x: x0, y: Y(i.threshold) },
      end: { x: x0 + w, y: Y(i.threshold) },
      thickness: 1.2,
      color: THRESHOLD,
      dashArray: [4, 3],
    });
    this.page.drawText(thresholdText, {
      x: x0 + w - this.bold.widthOfTextAtSize(thresholdText, small) - 2,
      y: Y(i.threshold) + 3,
      size: small,
      font: this.bold,
      color: THRESHOLD,
    });

    let prev: { x: number; y: number } | null = null;
    for (const p of i.points) {
      const pt = { x: X(p.minutesAfter), y: Y(p.reliefPercent) };
      if (prev) this.page.drawLine({ start: prev, end: pt, thickness: 1.5, color: BRAND });
      this.page.drawRectangle({ x: pt.x - 2, y: pt.y - 2, width: 4, height: 4, color: BRAND });
      prev = pt;
    }
    this.y = y0 - bottom;
  }

  footer(text: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, n) => {
      page.drawLine({
        start: { x: MARGIN, y: FOOT_Y + 22 },
        end: { x: MARGIN + WIDTH, y: FOOT_Y + 22 },
        thickness: 0.5,
        color: LINE,
      });
      wrap(this.enc(text), this.font, 7.5, WIDTH - 70)
        .slice(0, 2)
        .forEach((line, k) => {
          page.drawText(line, {
            x: MARGIN,
            y: FOOT_Y + 10 - k * 10,
            size: 7.5,
            font: this.font,
            color: MUTED,
          });
        });
      const right = `Page ${n + 1} of ${total}`;
      page.drawText(right, {
        x: MARGIN + WIDTH - this.font.widthOfTextAtSize(right, 7.5),
        y: FOOT_Y + 10,
        size: 7.5,
        font: this.font,
        color: MUTED,
      });
    });
  }
}

function blockSection(w: Writer, b: PacketBlock, n: number, comparativeNote: string | null): void {
  const i = b.interpretation;
  w.ensure(200); // the block's heading with its first facts, not alone at the foot of a page
  w.heading(
    `Block ${n}: ${PROCEDURE_KIND_TEXT[b.kind] ?? b.kind} on ${b.date}${i.agent ? ` (${i.agent})` : ''}`,
    3,
  );
  w.fields([
    ['Joints', joints(b.joints)],
    [
      'Agent and volume',
      `${i.agent ?? 'not recorded'}${b.volumeMlPerNerve !== null ? `, ${b.volumeMlPerNerve} mL per nerve` : ''}`,
    ],
    ['Guidance', b.guidance],
    ...(b.record ?? []),
    ['Pre-block pain (B)', i.baselineScore === null ? 'not recorded' : `${exact(i.baselineScore)} / 10`],
    [
      'Peak relief',
      i.peakReliefPercent === null
        ? 'cannot be computed'
        : `${pct(i.peakReliefPercent)} (exact ${exact(i.peakReliefPercent)} %, relief = (B - score) / B)`,
    ],
    [
      'Duration at threshold',
      `${minutes(i.durationMinutes)}${i.censored ? ' (the diary stops while relief holds)' : ''}`,
    ],
    ['Threshold', `${i.thresholdInclusive ? '>=' : '>'} ${i.threshold} % relief`],
    [
      'Agent window',
      i.agentWindow
        ? `relief should last at least ${i.agentWindow.fromMinutes} min, typically up to ${i.agentWindow.toMinutes} min`
        : 'no agent recorded',
    ],
    ['Result', `${i.result.toUpperCase()}${i.reasons.length ? ` (${i.reasons.join(', ')})` : ''}`],
    ['Warnings', i.warnings.length ? i.warnings.join(', ') : 'none'],
    ['Explanation', i.explanation],
    ['Source', `policy ${i.policy.id} ${i.policy.version}, rule ${i.rule}`],
    [
      'Signed by',
      i.interpretedAt
        ? `${i.interpretedByName ?? 'staff member'} on ${i.interpretedAt.slice(0, 16).replace('T', ' ')} UTC`
        : 'not signed yet',
    ],
  ]);
  // The physician's reading, beside the computed result (which the evaluator uses), never in its place.
  if (i.override) {
    w.fields([
      [
        "Physician's override",
        `${i.override.result.toUpperCase()} (computed ${i.result.toUpperCase()}; the decision uses the computed result). Reason: ${i.override.reason}`,
      ],
    ]);
  }
  if (i.signNote) w.fields([['Sign-off note', i.signNote]]);
  if (i.diary.closeReason) w.fields([['Diary closed by staff', i.diary.closeReason]]);
  if (comparativeNote) w.fields([['Comparative blocks', comparativeNote]]);
  w.chart(b);
  if (i.points.length) {
    w.table(
      [
        { header: 'Minutes after the block', width: 2 },
        { header: 'Pain score', width: 1.5 },
        { header: 'Relief', width: 1.5 },
      ],
      i.points.map((p) => [String(p.minutesAfter), exact(p.score), `${exact(p.reliefPercent)} %`]),
      8,
    );
  } else w.text('No diary entries.', { color: MUTED });
}

export async function renderPacket(d: PacketData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const e = d.evaluation;
  doc.setTitle(
    `Medical-necessity packet: ${PROCEDURE_KIND_TEXT[d.proposed.kind] ?? d.proposed.kind} ${d.proposed.date}`,
  );
  doc.setSubject(`Policy ${e.policy.id} ${e.policy.version}`);
  doc.setCreator('Facetpath');
  doc.setProducer('Facetpath (pdf-lib)');
  doc.setCreationDate(new Date(d.generatedAt));
  doc.setModificationDate(new Date(d.generatedAt));
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const c = d.episode.complaint;
  const earliest = earliestAllowed(e);

  w.text(d.practice.name, { size: 10, bold: true, color: MUTED });
  if (d.practice.phone) w.text(d.practice.phone, { size: 9, color: MUTED });
  w.gap(4);
  w.heading('Medical-necessity packet', 1);
  w.text(
    `${PROCEDURE_KIND_TEXT[d.proposed.kind] ?? d.proposed.kind} (${d.proposed.intent}) planned for ${d.proposed.date} at ${joints(d.proposed.joints)}`,
    { size: 11 },
  );

  w.heading('Decision');
  w.fields([
    ['Verdict', VERDICT_TEXT[e.verdict].toUpperCase()],
    [
      'Earliest allowed date',
      earliest.kind === 'planned-date'
        ? `${earliest.date} (the planned date)`
        : earliest.kind === 'from'
          ? `${earliest.date}${earliest.alreadyAllowed ? ` (already allowed on ${e.asOf})` : ''}: ${earliest.reason}`
          : earliest.reason,
    ],
    ['Reasons', e.reasons.length ? e.reasons.join(', ') : 'none'],
    ['Warnings', e.warnings.length ? e.warnings.join(', ') : 'none'],
    [
      'Policy',
      `${e.policy.title} (${e.policy.id}), version ${e.policy.version}${e.policy.lcd ? `; ${e.policy.lcd}` : ''}${e.policy.contractor ? `, ${e.policy.contractor}` : ''}`,
    ],
    ['Evaluated as of', e.asOf],
  ]);

  w.heading('Patient');
  w.fields([
    ['Name', d.patient.name],
    ['Date of birth', d.patient.birthDate],
    ...(d.patient.mrn ? ([['MRN', d.patient.mrn]] as [string, string][]) : []),
    [
      'Coverage',
      `${label(d.coverage.kind)}${d.coverage.payerName ? `, ${d.coverage.payerName}` : ''}, ${d.coverage.state}`,
    ],
    ...(d.coverage.memberId ? ([['Member ID', d.coverage.memberId]] as [string, string][]) : []),
  ]);

  w.heading('History of the complaint');
  w.fields([
    ['Region', d.episode.region],
    ['Pain since', c.onset ?? 'not recorded'],
    ['Axial pain', c.axial === undefined ? 'not recorded' : c.axial ? 'yes, predominantly axial' : 'no'],
    ['Radicular pain', c.radicular ? label(c.radicular) : 'not recorded'],
    [
      'Neurogenic claudication',
      c.neurogenicClaudication === undefined ? 'not recorded' : c.neurogenicClaudication ? 'present' : 'none',
    ],
    ['Non-facet cause', c.nonFacetCause ? label(c.nonFacetCause) : 'not recorded'],
    [
      'Baseline pain',
      c.baseline
        ? `${c.baseline.scale} ${exact(c.baseline.score)} / 10 on ${c.baseline.date}`
        : 'not recorded',
    ],
    [
      'Function',
      c.function ? `${c.function.instrument} ${c.function.score} on ${c.function.date}` : 'not recorded',
    ],
    ['Diagnoses (ICD-10)', c.diagnoses?.length ? c.diagnoses.join(', ') : 'not recorded'],
    ...(c.rfaContraindication
      ? ([['RFA contraindication', c.rfaContraindication]] as [string, string][])
      : []),
  ]);

  w.heading('Conservative care');
  if (c.conservativeCare?.length) {
    w.table(
      [
        { header: 'Treatment', width: 2 },
        { header: 'From', width: 1.2 },
        { header: 'To', width: 1.2 },
        { header: 'Outcome', width: 1.6 },
      ],
      c.conservativeCare.map((cc) => [label(cc.kind), cc.start, cc.end, cc.failed ? 'failed' : 'helped']),
    );
  } else w.text('None recorded.');

  w.ensure(260); // the section's heading stays with its first block
  w.heading('Diagnostic blocks and pain diaries');
  if (!d.blocks.length) w.text('No diagnostic block has been done in this episode.');
  const comp = e.comparative;
  d.blocks.forEach((b, n) => {
    const note =
      comp && (b.id === comp.shortBlockId || b.id === comp.longBlockId)
        ? `${comp.result} (the ${b.id === comp.longBlockId ? 'long' : 'short'}-acting block of the pair)`
        : null;
    blockSection(w, b, n + 1, note);
  });

  w.heading('Policy criteria');
  w.table(
    [
      { header: 'Status', width: 1.1 },
      { header: 'Rule', width: 2.2 },
      { header: 'Finding', width: 3.6 },
      { header: 'Source', width: 2.6 },
    ],
    e.criteria.map((x) => [
      `${CRITERION_STATUS_TEXT[x.status]}${x.severity === 'advisory' ? ' (advisory)' : ''}`,
      `${x.rule}: ${x.title}`,
      `${x.message}${x.reason && x.status !== 'met' ? ` [${x.reason}]` : ''}${x.earliestDate ? ` Earliest: ${x.earliestDate}.` : ''}`,
      x.source,
    ]),
  );

  w.heading('Coding');
  w.table(
    [
      { header: 'CPT', width: 0.8 },
      { header: 'Modifiers', width: 1 },
      { header: 'Units', width: 0.6 },
      { header: 'Levels', width: 1.4 },
      { header: 'Description', width: 3.6 },
      { header: 'Covered', width: 0.9 },
    ],
    e.coding.map((l) => [
      l.code,
      l.modifiers.join(', ') || 'none',
      String(l.units),
      l.levels.join(', '),
      l.description,
      l.covered ? 'yes' : 'no',
    ]),
  );
  w.fields([['ICD-10', c.diagnoses?.length ? c.diagnoses.join(', ') : 'not recorded']]);

  if (e.next.length) {
    w.heading('Next steps');
    for (const n of e.next) {
      w.text(`${label(n.action)}${n.earliestDate ? ` ${whenAllowed(n, e.asOf)}` : ''}: ${n.reason}`);
    }
  }

  w.footer(
    `${d.patient.name}, born ${d.patient.birthDate}.\nGenerated ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC by ${d.generatedBy} with Facetpath; policy ${e.policy.id} version ${e.policy.version}.`,
  );
  return doc.save();
}
