import { CERTIFICATE_KIND_LABEL } from "@/lib/vocab";
import type { DocumentViewState } from "@/server/domain/certificates/public-state";
import type { PublicCertificate, PublicLabel } from "@/server/services/public/lookups";
import { FILE_CHECK_SCRIPT } from "./file-check";
import { html, page, row, type Html } from "./html";

const WORD: Record<DocumentViewState, string> = { valid: "有效", expiring: "即将到期", expired: "已过期", revoked: "已撤销", failed: "不合格" };
const MARK: Record<DocumentViewState, string> = { valid: "✓", expiring: "!", expired: "✕", revoked: "✕", failed: "✕" };

function sentence(state: DocumentViewState, validUntil: string | null, revokedOn: string | null): string {
  switch (state) {
    case "valid":
      return validUntil ? `检定合格，有效期至 ${validUntil}` : "检定合格";
    case "expiring":
      return `检定合格，将于 ${validUntil} 到期，请及时申请检定`;
    case "expired":
      return `已于 ${validUntil} 超过有效期，请勿作为检定合格凭证`;
    case "revoked":
      return `该证书${revokedOn ? `已于 ${revokedOn} ` : "已"}被检定机构撤销，请勿作为检定合格凭证`;
    case "failed":
      return "检定不合格，该器具不得用于强制检定范围内的用途";
  }
}

/** The big state: colour, a mark and the word (never colour alone, R-PUB-1). */
function stateBox(state: DocumentViewState | "none", text: string): Html {
  const word = state === "none" ? "暂无检定证书" : WORD[state];
  const mark = state === "none" ? "?" : MARK[state];
  return html`<section class="state ${state}" role="status" data-state="${state}" data-testid="verify-state"><span class="mark" aria-hidden="true">${mark}</span><strong class="word">${word}</strong><p>${text}</p></section>`;
}

export function certificatePage(c: PublicCertificate): string {
  const kind = CERTIFICATE_KIND_LABEL[c.kind];
  return page(
    `${kind}核验`,
    html`<h1>${kind}核验</h1>
${stateBox(c.state, sentence(c.state, c.validUntil, c.revokedOn))}
<section class="card" aria-label="器具"><h2>计量器具</h2><dl>
${row("器具名称", c.instrument.name)}${row("型号规格", c.instrument.model)}${row("出厂编号", c.instrument.serialNo)}${row("制造单位", c.instrument.manufacturer)}
${row("器具编码", c.instrument.instrumentCode)}${row("测量范围", c.instrument.measuringRange)}${row("准确度等级", c.instrument.accuracyClass)}${row("使用单位", c.userUnit.name)}
</dl></section>
<section class="card" aria-label="证书"><h2>${kind}</h2><dl>
${row(`${kind === "检定证书" ? "证书" : "通知书"}编号`, c.number, "verify-number")}${row("检定日期", c.verifiedOn)}${row("有效期至", c.validUntil)}${row("出具日期", c.issuedOn)}
${row("检定员", c.verifier)}${row("检定结论", c.conclusion)}
</dl></section>
<section class="card" aria-label="检定机构"><h2>检定机构</h2><dl>
${row("机构名称", c.institution.name)}${row("授权证书编号", c.institution.authorisationCertNo)}${row("地址", c.institution.address)}${row("联系电话", c.institution.contactPhone)}
</dl></section>
${fileCheck(c.fileSha256, kind)}
<p class="muted">本页信息由强检通平台根据检定机构出具的证书实时生成。个人信息已按规定隐去。</p>`,
  );
}

/**
 * 核对证书文件 (R-PUB-4): the issued file's SHA-256 as text and a file picker whose check runs in the browser
 * (FILE_CHECK_SCRIPT). A document never downloaded has no fixed file yet: the page says so (a public visit
 * does not make one — that would sign on a stranger's request and print their address in the QR).
 */
function fileCheck(sha256: string | null, kind: string): Html {
  if (!sha256) {
    return html`<section class="card" aria-label="核对证书文件"><h2>核对证书文件</h2><p class="muted" data-testid="file-none">该${kind}的电子文件尚未生成（使用单位或检定机构首次下载时生成并加盖电子签章），暂无可核对的文件。证书状态以本页为准。</p></section>`;
  }
  return html`<section class="card" aria-label="核对证书文件"><h2>核对证书文件</h2>
<p class="muted">选择您收到的${kind} PDF，手机在本机计算它的 SHA-256 指纹并与签发的文件比对，文件不会上传。</p>
<p>签发文件的 SHA-256 指纹：<code id="fc-hash" data-testid="file-hash">${sha256}</code></p>
<p><input type="file" id="fc-file" class="fcf" accept="application/pdf,.pdf" data-testid="file-input"><label for="fc-file" class="btn">选择证书 PDF 文件</label></p>
<p id="fc-out" class="fc" aria-live="polite" data-testid="file-result"></p>
</section><script>${{ __html: FILE_CHECK_SCRIPT }}</script>`;
}

export function labelPage(l: PublicLabel): string {
  const c = l.latest;
  const text = c ? sentence(c.state, c.validUntil, null) : l.filed ? "该器具已备案，尚无检定证书，请以检定机构出具的证书为准" : "该器具已不在强制检定备案中";
  return page(
    "器具检定状态",
    html`<h1>${l.instrument.name}</h1>
${stateBox(c ? c.state : "none", text)}
${c ? html`<p><a href="/v/${c.token}">查看${CERTIFICATE_KIND_LABEL[c.kind]} ${c.number}</a></p>` : html``}
<section class="card" aria-label="器具"><h2>计量器具</h2><dl>
${row("器具编码", l.instrument.instrumentCode)}${row("器具种别", l.instrument.kindName)}${row("型号规格", l.instrument.model)}${row("出厂编号", l.instrument.serialNo)}
${row("制造单位", l.instrument.manufacturer)}${row("使用单位", l.userUnit)}${row("最近检定日期", c?.verifiedOn)}${row("有效期至", c?.validUntil)}
</dl></section>
${l.institution ? html`<section class="card" aria-label="检定机构"><h2>检定机构</h2><dl>${row("机构名称", l.institution.name)}${row("联系电话", l.institution.contactPhone)}</dl></section>` : html``}
<p class="muted">此标签长期有效：每次检定后扫码即显示最新证书的状态。</p>`,
  );
}

export function notFoundPage(what: "certificate" | "label"): string {
  const noun = what === "certificate" ? "证书" : "器具标签";
  return page(
    `未找到${noun}`,
    html`<div data-testid="verify-not-found"><h1>未找到该${noun}</h1><section class="state none" role="status"><span class="mark" aria-hidden="true">?</span><strong class="word">未找到</strong><p>二维码或链接可能有误、不完整，或不是本平台出具的${noun}。</p></section></div>
<p>请核对后重新扫码，或在首页按证书编号、器具编码查询。<a href="/">返回首页查询</a></p>`,
  );
}

export function rateLimitedPage(retryAfterSeconds: number): string {
  return page(
    "查询过于频繁",
    html`<h1>查询过于频繁</h1><section class="state none" role="alert"><span class="mark" aria-hidden="true">!</span><strong class="word">请稍后再试</strong><p>同一网络一分钟内查询次数过多，请约 ${retryAfterSeconds} 秒后再试。</p></section>`,
  );
}

export function searchMissPage(q: string): string {
  return page(
    "未找到",
    html`<h1>未找到“${q.slice(0, 64)}”</h1><section class="state none" role="status"><span class="mark" aria-hidden="true">?</span><strong class="word">未找到</strong><p>请输入完整的证书编号或器具编码（精确匹配，不支持部分查询）。</p></section>
<form action="/search" method="get" role="search"><label for="q" class="muted" style="position:absolute;left:-9999px">证书编号或器具编码</label><input id="q" name="q" maxlength="64" required placeholder="证书编号或器具编码"><button type="submit">查询</button></form>
<p><a href="/">返回首页</a></p>`,
  );
}
