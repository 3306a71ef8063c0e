// Writes the two small sample PDFs the demo report offers, and prints their size and SHA-256
// for demo/feed.json. Run once by hand: `node scripts/make-demo-pdfs.mjs`.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

function pdf(lines) {
  const text = lines
    .map(
      (line, i) =>
        `BT /F1 ${i === 0 ? 18 : 12} Tf 56 ${760 - i * 28} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const files = {
  'demo/files/nkdb-military-report-en.pdf': [
    'Human Rights Violations in the North Korean Military',
    'Sample file for the Lantern demo (English edition).',
    'The real report is published by NKDB, the Database Center for North Korean Human Rights.',
    'This placeholder exists so the download block can be tried end to end.',
  ],
  'demo/files/nkdb-military-report-ko.pdf': [
    'Bukhan gundae inkwon chimhae (Korean edition)',
    'Sample file for the Lantern demo (Korean edition).',
    'The real report is published by NKDB, the Database Center for North Korean Human Rights.',
  ],
};
for (const [path, lines] of Object.entries(files)) {
  const bytes = pdf(lines);
  writeFileSync(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(JSON.stringify({ path, size_in_bytes: bytes.length, sha256 }));
}
