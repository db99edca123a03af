import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { attrOf, decodeXmlText, eachAttr, XmlScanner } from "./xml-scan";

/** The events of a part as one list: open with its attributes, close, and text runs joined. */
function events(pieces: string[]) {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(`"${text}"`);
    text = "";
  };
  const scanner = new XmlScanner({
    open: (name, tag) => {
      flush();
      const attrs: string[] = [];
      eachAttr(tag, (k, v) => attrs.push(`${k}=${v}`));
      out.push(`<${name}${attrs.map((a) => ` ${a}`).join("")}>`);
    },
    close: (name) => {
      flush();
      out.push(`</${name}>`);
    },
    text: (s) => {
      text += s;
    },
  });
  for (const p of pieces) scanner.write(p);
  scanner.close();
  flush();
  return out;
}

/** The same events from saxes, the validating parser the reader used before (issue 14 item 3). */
function viaSaxes(xml: string) {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(`"${text}"`);
    text = "";
  };
  const local = (n: string) => n.slice(n.indexOf(":") + 1);
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    flush();
    out.push(`<${local(t.name)}${Object.entries(t.attributes).map(([k, v]) => ` ${local(k)}=${String(v)}`).join("")}>`);
  });
  p.on("closetag", (t) => {
    flush();
    out.push(`</${local(t.name)}>`);
  });
  p.on("text", (s) => {
    text += s;
  });
  p.on("cdata", (s) => {
    text += s;
  });
  p.write(xml).close();
  flush();
  return out;
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- a comment with <row> and > inside -->
<x:sheetData><x:row r="1" spans='1:3'><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve"> 燃油 &amp; &lt;泵&gt; &quot;&apos; &#20013;&#x56FD;\r\n二行 </x:t></x:is></x:c>
<x:c r="C1" s="3"/><x:c r="D1" t="str" note="a > b"><x:f>A1&amp;"x"</x:f><x:v>值</x:v></x:c></x:row><x:row r="2"/>
<x:row r = "3" ><x:c r="A3"><x:v><![CDATA[4 < 5 & ok]]></x:v></x:c></x:row></x:sheetData></x:worksheet>`;

describe("lean XML tokenizer for sheets and shared strings (issue 14 item 3)", () => {
  it("issue 14 item 3: gives the events saxes gave: prefixes dropped, entities, CDATA, comments, self-closing tags, quoted >", () => {
    const all = events([SHEET]);
    expect(all).toEqual(viaSaxes(SHEET));
    expect(all).toContain('" 燃油 & <泵> "\' 中国\n二行 "');
    expect(all).toContain('<c r=D1 t=str note=a > b>');
    expect(all).toContain('"4 < 5 & ok"');
    expect(all.filter((e) => e === "</row>")).toHaveLength(3);
  });

  it("issue 14 item 3: a part cut into pieces anywhere (inside a tag, an entity, a comment, CDATA) gives the same events", () => {
    const whole = events([SHEET]);
    for (let cut = 1; cut < SHEET.length; cut++) expect(events([SHEET.slice(0, cut), SHEET.slice(cut)])).toEqual(whole);
    // And in many small pieces.
    const pieces = SHEET.match(/[\s\S]{1,3}/g)!;
    expect(events(pieces)).toEqual(whole);
  });

  it("issue 14 item 3: a part that ends inside a tag or text, or has an unknown entity, is refused", () => {
    expect(() => events(['<sheetData><row r="1"><c r="A1'])).toThrow();
    expect(() => events(["<sheetData><row><c><v>12"])).toThrow();
    expect(() => events(["<t>a &nbsp; b</t>"])).toThrow();
    expect(() => events(["<t>a & b</t>"])).toThrow();
    expect(() => events(['<c r=A1 t="s"/>'])).toThrow();
  });

  it("issue 14 item 3: attributes and text decode as XML says", () => {
    expect(attrOf('<c r="A1" t="s">', "t")).toBe("s");
    expect(attrOf('<c r="A1" t="s">', "s")).toBeUndefined();
    expect(attrOf("<x:row x:r='7'/>", "r")).toBe("7");
    expect(decodeXmlText("a&#10;b&#x9;c\r\nd\re")).toBe("a\nb\tc\nd\ne");
  });
});
