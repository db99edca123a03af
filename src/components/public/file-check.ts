import { createHash } from "node:crypto";

/**
 * The only script of the public pages (R-PUB-4, on `/v/{token}`): the visitor picks a PDF, the browser hashes
 * it with Web Crypto — the file never leaves the phone — and says whether it is exactly the issued file whose
 * SHA-256 the page prints in `#fc-hash`. Words and colour (`valid` / `revoked` reuse the state colours).
 * Web Crypto exists only on https (or localhost): elsewhere it says so instead of guessing.
 */
export const FILE_CHECK_SCRIPT = `(function(){var i=document.getElementById("fc-file"),o=document.getElementById("fc-out"),h=document.getElementById("fc-hash").textContent.trim();
function say(c,r,t){o.className="fc "+c;o.setAttribute("data-result",r);o.textContent=t}
i.addEventListener("change",function(){var f=i.files&&i.files[0];if(!f)return;
if(!window.crypto||!crypto.subtle){say("none","unavailable","本浏览器或当前连接（非 https）无法在本机计算文件指纹，请用 https 地址打开本页后再试");return}
var n="所选文件“"+f.name+"”";say("none","busy","正在本机计算…");
f.arrayBuffer().then(function(b){return crypto.subtle.digest("SHA-256",b)}).then(function(d){
var x=Array.prototype.map.call(new Uint8Array(d),function(v){return(v<16?"0":"")+v.toString(16)}).join("");
if(x===h)say("valid","match","✓ 一致："+n+"与签发的证书文件完全一致");else say("revoked","mismatch","✕ 不一致："+n+"已被修改或不是本证书（其指纹 "+x+"）")},
function(){say("none","error","无法读取该文件，请重新选择")})})})();`;

/** Its CSP source: the pages allow exactly this script and no other (src/components/public/html.ts). */
export const FILE_CHECK_SCRIPT_CSP = `'sha256-${createHash("sha256").update(FILE_CHECK_SCRIPT).digest("base64")}'`;
