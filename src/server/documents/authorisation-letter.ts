import "server-only";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const FONT = { ascii: "SimSun", eastAsia: "宋体", hAnsi: "SimSun" };
const p = (text: string, opts: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.align,
    spacing: { after: 200, line: 400 },
    indent: opts.indent ? { firstLine: 560 } : undefined,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 28, font: FONT })],
  });
const cell = (text: string) =>
  new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, size: 24, font: FONT })] })] });

/**
 * The legal-person authorisation letter (法人授权书) that enterprises download, fill in, have signed and
 * stamped, and upload with their registration (seed 001 一.1). A real Word document built with `docx`.
 */
export async function authorisationLetterDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: "强检通",
    title: "法人授权书",
    sections: [
      {
        children: [
          p("法人授权书", { bold: true, size: 40, align: AlignmentType.CENTER }),
          p("强检通平台：", {}),
          p(
            "本人 ________（法定代表人/负责人姓名），身份证号码 ____________________，系 ______________________________（单位名称，统一社会信用代码 __________________）的法定代表人/负责人，现授权本单位 ________（被授权人姓名，身份证号码 ____________________，手机号码 ___________）为本单位在强检通平台的账户管理人，代表本单位办理账户注册、计量器具台账维护、强制检定备案、预约检定、证书查询下载等事项。",
            { indent: true },
          ),
          p("被授权人在上述授权范围内所办理的事项，本单位均予以承认，并承担相应的法律责任。", { indent: true }),
          p("授权期限：自 ____ 年 __ 月 __ 日至 ____ 年 __ 月 __ 日。", { indent: true }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: [cell("法定代表人/负责人（签字）："), cell("被授权人（签字）：")] }),
              new TableRow({ children: [cell("单位（盖章）："), cell("日期：____ 年 __ 月 __ 日")] }),
            ],
          }),
          p(""),
          p("附：法定代表人/负责人及被授权人身份证复印件（正反面）。", { size: 22 }),
          p("说明：请填写完整，由法定代表人/负责人签字并加盖单位公章后，扫描或拍照（JPG、PNG 或 PDF，不超过 5 MB）上传。", { size: 22 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
