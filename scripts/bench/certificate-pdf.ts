// One certificate PDF (issue 10 item 7): median time and size of the real document (subset CJK font + vector
// QR code) beside a baseline in the same run: pdfkit drawing the same page with its built-in Helvetica and no
// QR code. Then the signed file of R-PUB-4 (drawn + signed with an institution key, made once, timed apart)
// beside the unsigned drawing, also in this run: the cost a first download pays. No database needed.
//   npx tsx --conditions=react-server scripts/bench/certificate-pdf.ts [runs]
import { renderDocumentPdf, type DocumentPdfInput } from "../../src/server/pdf/certificate-pdf";
import { createSigningIdentity, signPdf, type SigningIdentity } from "../../src/server/pdf/sign";

const doc: DocumentPdfInput = {
  kind: "certificate",
  number: "GZJL2026000123",
  state: "issued",
  issuedOn: "2026-12-01",
  verifiedOn: "2026-11-30",
  validUntil: "2027-11-29",
  snapshot: {
    instrument: { name: "燃油加油机", model: "CS46-2222", serialNo: "TZ-JYJ-0005", manufacturer: "正星科技股份有限公司", instrumentCode: "440111202600000123", measuringRange: "(5~60) L/min", accuracyClass: "0.3 级", kindName: "燃油加油机" },
    userUnit: { name: "广州示例加油站有限公司", address: "广州市白云区示例大道 88 号" },
    institution: { name: "广州市计量检测技术研究院", code: "GZJL", address: "广州市天河区示例路 1 号", contactPhone: "020-12345678", authorisationCertNo: "（粤）法计（2024）01001号" },
    verifier: "李检定",
    checker: "王核验",
    approver: "陈批准",
    conclusion: "符合 JJG 443-2023 检定规程要求",
  },
};
const url = "https://qjt.example.cn/v/FC_PncF8riStBjQYNrX-ojw";

async function measure(baseline: boolean, runs: number) {
  const t0 = performance.now();
  const first = await renderDocumentPdf(doc, { verifyUrl: url, baseline });
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await renderDocumentPdf(doc, { verifyUrl: url, baseline });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { cold, median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, size: first.byteLength };
}

async function measureSigned(identity: SigningIdentity, runs: number) {
  const once = async () => signPdf(await renderDocumentPdf(doc, { verifyUrl: url }), identity, { reason: "检定证书 GZJL2026000123", name: doc.snapshot.institution.name, location: "", contactInfo: "" });
  const t0 = performance.now();
  const first = await once();
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { cold, median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, size: first.byteLength };
}

async function main() {
  const runs = Number(process.argv[2] ?? 30);
  const real = await measure(false, runs);
  const base = await measure(true, runs);
  const line = (label: string, m: typeof real) =>
    `${label}: median ${m.median.toFixed(1)} ms, p90 ${m.p90.toFixed(1)} ms, first ${m.cold.toFixed(0)} ms, ${(m.size / 1024).toFixed(1)} KB`;
  console.log(`certificate PDF, ${runs} runs each`);
  console.log(line("  certificate (subset Noto Sans SC + QR)", real));
  console.log(line("  baseline (pdfkit Helvetica, no font file, no QR)", base));
  console.log(`  ratio: ${(real.median / base.median).toFixed(1)}× time, ${(real.size / base.size).toFixed(1)}× size; under 200 KB: ${real.size < 200 * 1024 ? "yes" : "NO"}`);
  const t = performance.now();
  const identity = await createSigningIdentity(doc.snapshot.institution.name);
  const keyMs = performance.now() - t;
  const signed = await measureSigned(identity, runs);
  console.log(line("  signed certificate (drawn + PKCS#7 RSA-2048 signature, R-PUB-4)", signed));
  console.log(`  ratio signed / unsigned: ${(signed.median / real.median).toFixed(1)}× time, ${(signed.size / real.size).toFixed(2)}× size; institution key + certificate made once in ${keyMs.toFixed(0)} ms; under 200 KB: ${signed.size < 200 * 1024 ? "yes" : "NO"}`);
  if (real.size >= 200 * 1024 || signed.size >= 200 * 1024) process.exit(1);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
