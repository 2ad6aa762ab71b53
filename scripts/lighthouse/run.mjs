// Scores a served galley site with Lighthouse and axe-core in headless Chromium.
// Called by scripts/lighthouse.sh (read the comment at its top first); not meant to be run alone.
//
//   node run.mjs --base URL --chromium PATH --pak FILE --cache DIR --work DIR [--axe FILE] [--reports DIR]
//
// Lighthouse and Puppeteer come out of Chromium's own resources.pak: the DevTools front end
// that ships inside the browser carries Lighthouse's DevTools bundle
// (third_party/lighthouse/lighthouse-dt-bundle.js, run by the Lighthouse panel's worker), the
// Puppeteer build that the worker drives the page with (third_party/puppeteer/puppeteer.js) and
// the third-party-web data set the worker hands to the bundle. They are found by their content
// (resource ids change from build to build), written to the cache, and loaded here: outside a
// worker the bundle defines globalThis.runBundledLighthouse(url, flags, config, page).
// Chromium is started with --remote-debugging-pipe (CDP over file descriptors 3 and 4, so no
// WebSocket client and no debugging port are needed) and Puppeteer is attached to that pipe
// the way DevTools attaches it (Browser._create on a Connection with our own transport).
// Settings are Lighthouse's defaults (mobile, simulated throttling) and its desktop preset.
//
// Prints the score table, the audits that fell short and the axe violations. Exit status: 0 all
// pages pass, 1 a page fails a threshold, 2 the browser or Lighthouse could not run.

import { Buffer as NodeBuffer } from "node:buffer";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

const THRESHOLDS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const VIEWPORTS = {
    mobile: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    desktop: { width: 1350, height: 940, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

class Fatal extends Error {}

function parseArgs(argv) {
    const args = {};
    for (let i = 0; i < argv.length; i += 2) {
        if (!argv[i].startsWith("--") || i + 1 >= argv.length) throw new Fatal(`bad argument ${argv[i]}`);
        args[argv[i].slice(2)] = argv[i + 1];
    }
    for (const key of ["base", "chromium", "pak", "cache", "work"]) if (!args[key]) throw new Fatal(`--${key} is required`);
    return args;
}

// ---------------------------------------------------------------------------------------------
// resources.pak: version 4 or 5 header, then (id: u16, offset: u32) entries with one sentinel
// entry whose offset is the end of the last resource. Resources are stored plain, gzipped, or
// brotli-compressed behind Chromium's own 8-byte header (0x1e 0x9b, then the size in 6 bytes).

function* pakResources(file) {
    const buf = fs.readFileSync(file);
    const version = buf.readUInt32LE(0);
    let count, start;
    if (version === 5) {
        count = buf.readUInt16LE(8);
        start = 12;
    } else if (version === 4) {
        count = buf.readUInt32LE(4);
        start = 9;
    } else {
        throw new Fatal(`${file}: unknown .pak version ${version}`);
    }
    for (let i = 0; i < count; i++) {
        const offset = buf.readUInt32LE(start + 6 * i + 2);
        const end = buf.readUInt32LE(start + 6 * (i + 1) + 2);
        yield buf.subarray(offset, end);
    }
}

function decodeResource(raw) {
    try {
        if (raw[0] === 0x1f && raw[1] === 0x8b) return zlib.gunzipSync(raw);
        if (raw[0] === 0x1e && raw[1] === 0x9b) return zlib.brotliDecompressSync(raw.subarray(8));
    } catch {
        return null;
    }
    return raw;
}

// The three scripts, from the cache when this resources.pak was already read.
const BUNDLES = {
    lighthouse: {
        file: "lighthouse-dt-bundle.js",
        match: (head, text) => /^\/\*\*\s*\n \* Lighthouse v\d/.test(head) && text().includes("runBundledLighthouse"),
    },
    puppeteer: {
        file: "puppeteer.mjs",
        match: (head, text, data) => data.includes("sourceMappingURL=puppeteer.js.map") && /export\{[^}]*\bas Browser\b[^}]*\bas Connection\b/.test(text()) && !/^\s*import\b/.test(head),
    },
    thirdPartyWeb: {
        file: "third-party-web.mjs",
        match: (head, text, data) => data.includes("sourceMappingURL=third-party-web.js.map") && /export\{\w+ as ThirdPartyWeb\}/.test(text()),
    },
};

function extractBundles(pak, cacheRoot) {
    const stat = fs.statSync(pak);
    const dir = path.join(cacheRoot, `${stat.size}-${Math.floor(stat.mtimeMs)}`);
    const paths = Object.fromEntries(Object.entries(BUNDLES).map(([key, b]) => [key, path.join(dir, b.file)]));
    if (Object.values(paths).every((file) => fs.existsSync(file))) return paths;
    const found = {};
    for (const raw of pakResources(pak)) {
        const data = decodeResource(raw);
        if (!data || data.length < 100000) continue;
        const head = data.subarray(0, 64).toString("latin1");
        let text = null;
        const decoded = () => (text ??= data.toString("utf8"));
        for (const [key, bundle] of Object.entries(BUNDLES)) {
            if (!found[key] && bundle.match(head, decoded, data)) found[key] = decoded();
        }
        if (Object.keys(found).length === Object.keys(BUNDLES).length) break;
    }
    for (const [key, bundle] of Object.entries(BUNDLES)) {
        if (!found[key]) throw new Fatal(`no ${bundle.file.replace(/\.m?js$/, "")} script in ${pak} (a Chromium built without the DevTools Lighthouse panel?)`);
    }
    fs.mkdirSync(dir, { recursive: true });
    for (const [key, file] of Object.entries(paths)) {
        fs.writeFileSync(`${file}.tmp${process.pid}`, found[key]);
        fs.renameSync(`${file}.tmp${process.pid}`, file);
    }
    return paths;
}

// ---------------------------------------------------------------------------------------------
// Chromium over --remote-debugging-pipe: NUL-terminated JSON messages, commands written to the
// browser's fd 3, replies and events read from its fd 4.

class PipeTransport {
    constructor(write, read) {
        this.write = write;
        this.pending = [];
        this.onmessage = null;
        this.onclose = null;
        read.on("data", (chunk) => this.receive(chunk));
        read.on("close", () => this.onclose?.());
        write.on("error", () => {});
        read.on("error", () => {});
    }
    receive(chunk) {
        let start = 0;
        for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
            this.pending.push(chunk.subarray(start, end));
            const message = NodeBuffer.concat(this.pending).toString("utf8");
            this.pending = [];
            start = end + 1;
            this.onmessage?.(message);
        }
        if (start < chunk.length) this.pending.push(chunk.subarray(start));
    }
    send(message) {
        this.write.write(message);
        this.write.write("\0");
    }
    close() {
        this.write.end();
    }
}

function launchChromium(binary, work) {
    const profile = path.join(work, "profile");
    const log = fs.openSync(path.join(work, "chromium.log"), "w");
    const flags = [
        "--headless", "--remote-debugging-pipe", `--user-data-dir=${profile}`,
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--mute-audio",
        "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding", "--disable-hang-monitor", "--disable-dev-shm-usage",
        "--metrics-recording-only", "--password-store=basic", "--use-mock-keychain",
        // Every host but the test server fails to resolve: scores do not depend on the network or
        // on third parties, and a hotlinked image fails the same way on every machine.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,PrivacySandboxSettings4",
    ];
    // Chromium's sandbox does not start as root (containers, CI); scripts/browser-check.sh
    // turns it off the same way.
    if (process.getuid?.() === 0 || process.env.CHROMIUM_NO_SANDBOX) flags.push("--no-sandbox");
    const child = spawn(binary, [...flags, "about:blank"], { stdio: ["ignore", log, log, "pipe", "pipe"], detached: false });
    fs.closeSync(log);
    return child;
}

// ---------------------------------------------------------------------------------------------

// Lighthouse's trace engine uses iterator helpers (map.values().find(…), ES2025), which V8
// has since Chromium 122 and Node 22; older Node gets these plain versions.
function polyfillIteratorHelpers() {
    const proto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    const helpers = {
        *map(fn) { let i = 0; for (const v of this) yield fn(v, i++); },
        *filter(fn) { let i = 0; for (const v of this) if (fn(v, i++)) yield v; },
        *take(n) { if (n <= 0) return; for (const v of this) { yield v; if (--n <= 0) return; } },
        *drop(n) { for (const v of this) { if (n > 0) { n--; continue; } yield v; } },
        *flatMap(fn) { let i = 0; for (const v of this) yield* fn(v, i++); },
        reduce(fn, ...init) {
            let i = 0, acc, started = init.length > 0;
            if (started) acc = init[0];
            for (const v of this) {
                if (!started) { acc = v; started = true; i++; continue; }
                acc = fn(acc, v, i++);
            }
            if (!started) throw new TypeError("Reduce of empty iterator with no initial value");
            return acc;
        },
        toArray() { return [...this]; },
        forEach(fn) { let i = 0; for (const v of this) fn(v, i++); },
        some(fn) { let i = 0; for (const v of this) if (fn(v, i++)) return true; return false; },
        every(fn) { let i = 0; for (const v of this) if (!fn(v, i++)) return false; return true; },
        find(fn) { let i = 0; for (const v of this) if (fn(v, i++)) return v; return undefined; },
    };
    for (const [name, fn] of Object.entries(helpers)) {
        if (!(name in proto)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    }
}

function lighthouseConfig(preset) {
    const settings = { onlyCategories: CATEGORIES };
    if (preset === "desktop") {
        // Lighthouse's own desktop preset (core/config/desktop-config.js, `--preset=desktop`).
        Object.assign(settings, {
            formFactor: "desktop",
            throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
            screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
            emulatedUserAgent: desktopUserAgent,
        });
    }
    // A hotlink whose host does not resolve (above) is the content's, not the theme's: its console
    // error is left out of errors-in-console and does not fail best practices. Any other console
    // error (a missing file of the site, a 404, a script error) still does.
    const audits = [{ path: "errors-in-console", options: { ignoredPatterns: ["ERR_NAME_NOT_RESOLVED"] } }];
    return { extends: "lighthouse:default", settings, audits };
}
let desktopUserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36";

const short = (text, n = 110) => {
    const flat = String(text ?? "").replace(/\s+/g, " ").trim();
    return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

// What an audit's details point at (element snippets, URLs, failed checks), as short lines.
function auditDetails(audit, base) {
    const out = [];
    const local = (url) => (typeof url === "string" ? url.replace(base, "/") : "");
    const item = (it) => {
        if (!it || typeof it !== "object") return;
        if (it.type === "node") return out.push(it.snippet || it.selector || it.nodeLabel || "");
        if (["table", "opportunity", "list"].includes(it.type)) return (it.items ?? []).forEach(item);
        if (it.type === "list-section") return it.value?.type === "text" ? undefined : item(it.value);
        if (it.type === "network-tree") {
            const chain = [];
            for (let level = it.chains; level && Object.keys(level).length; ) {
                const next = Object.values(level).find((c) => c.isLongest) ?? Object.values(level)[0];
                chain.push(local(next.url));
                level = next.children;
            }
            if (chain.length > 1) out.push(`chain: ${chain.join(" → ")}`);
            return;
        }
        if (it.node?.type === "node") return item(it.node);
        const url = local(it.url ?? it.sourceLocation?.url ?? it.source?.url);
        const text = it.description ?? it.label ?? it.text ?? (typeof it.value === "string" ? it.value : undefined);
        const size = it.wastedBytes ? ` (${(it.wastedBytes / 1024).toFixed(1)} KiB)` : it.wastedMs ? ` (${Math.round(it.wastedMs)} ms)` : "";
        const line = [text, url].filter(Boolean).join(": ") + size;
        if (line.trim()) out.push(line);
        else for (const value of Object.values(it)) if (value?.type === "node") return item(value);
    };
    const details = audit.details;
    if (details?.type === "checklist") {
        for (const check of Object.values(details.items ?? {})) if (!check.value) out.push(check.label);
    } else if (details) {
        item(details);
    }
    if (audit.explanation) out.unshift(audit.explanation);
    return out.map((line) => short(line));
}

// Test-server artefacts: python3 -m http.server sends neither Cache-Control nor compressed bodies.
const SERVER_AUDITS = new Set(["cache-insight", "uses-long-cache-ttl", "document-latency-insight", "uses-text-compression"]);

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const base = args.base.endsWith("/") ? args.base : `${args.base}/`;
    const pak = args.pak;
    const bundles = extractBundles(pak, path.join(args.cache, "lighthouse-bundles"));

    const puppeteer = await import(pathToFileURL(bundles.puppeteer).href);
    // The bundle replaces globalThis.Buffer and globalThis.process with browser polyfills; this
    // file uses the imported NodeBuffer and process.
    const source = fs.readFileSync(bundles.lighthouse, "utf8");
    const ua = source.match(/"(Mozilla\/5\.0 \(Macintosh; Intel Mac OS X [^"]+Chrome\/[^"]+Safari\/537\.36)"/);
    if (ua) desktopUserAgent = ua[1];
    const lighthouseVersion = source.match(/Lighthouse v([\d.]+)/)?.[1] ?? "?";
    polyfillIteratorHelpers();
    vm.runInThisContext(source, { filename: bundles.lighthouse });
    const runLighthouse = globalThis.runBundledLighthouse;
    if (typeof runLighthouse !== "function") throw new Fatal("the Lighthouse bundle did not define runBundledLighthouse");
    // As the DevTools worker does: the bundle leaves the third-party-web data set out.
    globalThis.thirdPartyWeb.provideThirdPartyWeb((await import(pathToFileURL(bundles.thirdPartyWeb).href)).ThirdPartyWeb);
    const axeSource = args.axe ? fs.readFileSync(args.axe, "utf8") : null;
    const axeVersion = axeSource?.match(/axe v([\d.]+)/)?.[1] ?? "?";

    const child = launchChromium(args.chromium, args.work);
    let exited = false;
    const gone = new Promise((resolve) => child.on("exit", () => { exited = true; resolve(); }));
    const failedToStart = new Promise((_, reject) => child.on("error", (error) => { exited = true; reject(error); }));
    process.on("exit", () => { if (!exited) try { child.kill("SIGKILL"); } catch {} });
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        process.on(signal, () => {
            if (!exited) try { child.kill("SIGTERM"); } catch {}
            process.exit(2);
        });
    }
    const transport = new PipeTransport(child.stdio[3], child.stdio[4]);
    const connection = new puppeteer.Connection("pipe", transport, 0, 120000);
    let browser;
    try {
        browser = await Promise.race([
            puppeteer.Browser._create(connection, [], false, null, undefined, undefined, undefined, undefined, undefined, true),
            new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 60000)),
            new Promise((_, reject) => child.on("exit", (code, signal) => reject(new Error(`exited with ${signal ?? code}`)))),
            failedToStart,
        ]);
    } catch (error) {
        const log = fs.readFileSync(path.join(args.work, "chromium.log"), "utf8").trim().split("\n").slice(-8).join("\n");
        throw new Fatal(`Chromium did not start (${error.message})${log ? `:\n${log}` : ""}`);
    }
    const version = await browser.version();
    console.log(`lighthouse: Lighthouse ${lighthouseVersion} and Puppeteer from ${path.basename(path.dirname(pak))}/${path.basename(pak)}, ${version}; axe-core ${axeSource ? axeVersion : "(none)"}`);

    // The pages: fixed paths plus links found on the pages themselves.
    const exists = async (rel) => {
        try {
            const response = await fetch(base + rel, { method: "HEAD" });
            return response.ok;
        } catch {
            return false;
        }
    };
    const linksOn = async (rel) => {
        const page = await browser.newPage();
        try {
            await page.goto(base + rel, { waitUntil: "load", timeout: 60000 });
            return await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.href));
        } finally {
            await page.close();
        }
    };
    const firstLink = (links, pattern) => {
        for (const link of links) {
            if (!link.startsWith(base)) continue;
            const rel = link.slice(base.length).replace(/[?#].*$/, "");
            if (pattern.test(`/${rel}`)) return rel;
        }
        return null;
    };
    const pages = [];
    const problems = [];
    const addPage = (name, rel) => pages.push({ name, rel: rel.replace(/(^|\/)$/, "$1index.html").replace(/^index\.html$/, "index.html") });
    addPage("home", "index.html");
    const article = firstLink(await linksOn("index.html"), /^\/\d{4}\/\d{2}\/[^/]+\/(index\.html)?$/)
        ?? firstLink(await linksOn("index.html"), /^\/(?!tags\/|regions\/|page\/|search\/|static\/|pagefind\/)[^.]+\/(index\.html)?$/);
    if (article) addPage("article", article);
    else problems.push("no article link on the home page");
    let tag = article ? firstLink(await linksOn(pages.at(-1).rel), /^\/tags\/[^/]+\/(index\.html)?$/) : null;
    if (!tag && (await exists("tags/index.html"))) tag = firstLink(await linksOn("tags/index.html"), /^\/tags\/[^/]+\/(index\.html)?$/);
    if (tag) addPage("tag", tag);
    else problems.push("no tag page linked from the article or tags/index.html");
    if (await exists("tags/index.html")) addPage("tags", "tags/index.html");
    else problems.push("no tags/index.html");
    if (await exists("404.html")) addPage("404", "404.html");
    else problems.push("no 404.html");
    if (await exists("search/index.html")) addPage("search", "search/index.html");
    for (const p of pages) console.log(`  ${p.name.padEnd(8)} /${p.rel}`);

    // Lighthouse: one page and preset at a time, each in a fresh tab.
    const results = [];
    for (const p of pages) {
        for (const preset of ["mobile", "desktop"]) {
            const started = Date.now();
            const page = await browser.newPage();
            let lhr = null, error = null;
            try {
                const result = await runLighthouse(base + p.rel, { logLevel: "silent", output: "json" }, lighthouseConfig(preset), page);
                lhr = result?.lhr;
                if (!lhr) error = "Lighthouse returned no result";
                else if (lhr.runtimeError) error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
            } catch (e) {
                error = e?.message ?? String(e);
            } finally {
                await page.close().catch(() => {});
            }
            results.push({ page: p, preset, lhr, error });
            process.stderr.write(`lighthouse: ${p.name} ${preset}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
            if (lhr && args.reports) fs.writeFileSync(path.join(args.reports, `${p.name}-${preset}.json`), JSON.stringify(lhr, null, 1));
        }
    }

    // axe-core: every rule of the WCAG 2.0/2.1 A and AA tags and best practices, at the mobile
    // and the desktop viewport.
    const axeResults = [];
    if (axeSource) {
        for (const p of pages) {
            const byRule = new Map();
            let error = null;
            for (const [preset, viewport] of Object.entries(VIEWPORTS)) {
                const page = await browser.newPage();
                try {
                    await page.setViewport(viewport);
                    await page.goto(base + p.rel, { waitUntil: "load", timeout: 60000 });
                    await page.evaluate(axeSource);
                    const violations = await page.evaluate(async (tags) => {
                        const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
                        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, target: v.nodes[0]?.target?.join(" "), html: v.nodes[0]?.html }));
                    }, AXE_TAGS);
                    for (const v of violations) {
                        const seen = byRule.get(v.id);
                        if (seen) {
                            seen.presets.push(preset);
                            seen.count = Math.max(seen.count, v.count);
                        } else {
                            byRule.set(v.id, { ...v, presets: [preset] });
                        }
                    }
                } catch (e) {
                    error = e?.message ?? String(e);
                } finally {
                    await page.close().catch(() => {});
                }
            }
            axeResults.push({ page: p, violations: [...byRule.values()], error });
        }
    }
    // Search works: the header box of the home page, submitted with the longest word of the
    // scored article's headline, leads to the search page, which must list results whose links
    // open pages of the site.
    let searchResult = null;
    const searchPage = pages.find((p) => p.name === "search");
    const articlePage = pages.find((p) => p.name === "article");
    if (searchPage && articlePage) {
        const page = await browser.newPage();
        let query = "";
        try {
            // (Node's fetch cannot read bodies here: the Lighthouse bundle replaced Buffer.)
            await page.goto(base + articlePage.rel, { waitUntil: "load", timeout: 60000 });
            const headline = (await page.evaluate(() => document.querySelector("h1")?.textContent ?? "")).split(/[^\p{L}\p{N}]+/u);
            query = headline.reduce((longest, word) => (word.length > longest.length ? word : longest), "");
            await page.goto(base + "index.html", { waitUntil: "load", timeout: 60000 });
            await page.type("#site-search-query", query);
            await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: 60000 }), page.click(".site-search__button")]);
            await page.waitForSelector(".pagefind-ui__result-link", { timeout: 20000 });
            const links = await page.evaluate(() => [...document.querySelectorAll(".pagefind-ui__result-link")].map((a) => a.href));
            const broken = [];
            for (const link of links) if (!(await fetch(link, { method: "HEAD" })).ok) broken.push(link);
            searchResult = { query, url: page.url().replace(base, "/"), count: links.length, broken };
        } catch (e) {
            searchResult = { query, error: e?.message ?? String(e) };
        } finally {
            await page.close().catch(() => {});
        }
    }
    await browser.close().catch(() => {});
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10000))]);

    // The report.
    let failed = problems.length > 0;
    let broken = false;
    const score = (lhr, id) => (lhr?.categories?.[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
    console.log("");
    console.log(`${"page".padEnd(9)}${"preset".padEnd(9)}${["perf", "a11y", "bp", "seo"].map((h) => h.padStart(6)).join("")}`);
    for (const r of results) {
        const cells = CATEGORIES.map((id) => {
            const s = score(r.lhr, id);
            const bad = s == null || s < THRESHOLDS[id];
            if (bad) failed = true;
            return `${s == null ? "-" : s}${bad ? "!" : " "}`.padStart(6);
        });
        if (r.error) {
            failed = true;
            if (!r.lhr) broken = true;
        }
        console.log(`${r.page.name.padEnd(9)}${r.preset.padEnd(9)}${cells.join("")}${r.error ? `  error: ${short(r.error, 80)}` : ""}`);
    }
    console.log(`(! = below the bar: performance ${THRESHOLDS.performance}, the others 100)`);

    // Every audit that scored below 1, once, with the runs it fell short on and what it found.
    const failing = new Map();
    for (const r of results) {
        if (!r.lhr) continue;
        for (const id of CATEGORIES) {
            for (const ref of r.lhr.categories[id]?.auditRefs ?? []) {
                const audit = r.lhr.audits[ref.id];
                if (!audit || ["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode)) continue;
                const errored = audit.scoreDisplayMode === "error";
                if (!errored && (audit.score == null || audit.score >= 1)) continue;
                const key = `${id} ${audit.id}`;
                if (!failing.has(key)) failing.set(key, { category: id, audit, weight: ref.weight, runs: [], details: [], scores: [] });
                const entry = failing.get(key);
                entry.runs.push(r);
                entry.scores.push(errored ? null : audit.score);
                const lines = errored ? [`audit error: ${short(audit.errorMessage)}`] : auditDetails(audit, base);
                // The same resource with another size or time on another page is not news.
                const seen = new Set(entry.details.map((line) => line.replace(/ \([\d.]+ (KiB|ms)\)$/, "")));
                for (const line of lines) {
                    const key = line.replace(/ \([\d.]+ (KiB|ms)\)$/, "");
                    if (!seen.has(key)) entry.details.push(line), seen.add(key);
                }
            }
        }
    }
    const where = (runs) => {
        if (runs.length === results.filter((r) => r.lhr).length) return "every page, both presets";
        const names = [];
        for (const p of pages) {
            const presets = runs.filter((r) => r.page === p).map((r) => r.preset);
            if (presets.length === 2) names.push(p.name);
            else if (presets.length === 1) names.push(`${p.name} (${presets[0]})`);
        }
        return names.join(", ");
    };
    const order = (e) => CATEGORIES.indexOf(e.category) * 10 + (e.weight ? 0 : 1);
    const entries = [...failing.values()].sort((x, y) => order(x) - order(y));
    if (entries.length) console.log("\nAudits below 1 (category, id, weight in the category score, title; where; what):");
    for (const e of entries) {
        const scores = e.scores.filter((v) => v != null);
        const range = scores.length ? ` score ${Math.min(...scores)}${Math.max(...scores) !== Math.min(...scores) ? `–${Math.max(...scores)}` : ""}` : "";
        const server = SERVER_AUDITS.has(e.audit.id) ? " [test server]" : "";
        console.log(`[${e.category}] ${e.audit.id} (weight ${e.weight ?? 0},${range})${server}: ${e.audit.title}${e.audit.displayValue ? ` — ${short(e.audit.displayValue, 50)}` : ""}`);
        console.log(`    on: ${where(e.runs)}`);
        for (const line of e.details.slice(0, 4)) console.log(`    ${line}`);
        if (e.details.length > 4) console.log(`    … and ${e.details.length - 4} more`);
    }
    if (entries.some((e) => e.details.some((line) => line.includes("ERR_NAME_NOT_RESOLVED")))) {
        console.log("ERR_NAME_NOT_RESOLVED: a resource on another host whose name does not resolve here (no network, or an .example host).");
    }
    if (entries.some((e) => SERVER_AUDITS.has(e.audit.id))) {
        console.log("[test server]: python3 -m http.server sends no Cache-Control and no compression; these say nothing about galley's files.");
    }
    for (const r of results) {
        for (const warning of r.lhr?.runWarnings ?? []) console.log(`warning: ${r.page.name} (${r.preset}): ${short(warning, 200)}`);
    }

    console.log("");
    if (!axeSource) {
        console.log("axe: skipped: no axe.min.js (pip could not fetch axe-playwright-python; or set AXE_JS)");
    } else {
        let total = 0;
        for (const a of axeResults) {
            if (a.error) {
                failed = broken = true;
                console.log(`axe ${a.page.name} /${a.page.rel}: error: ${short(a.error, 150)}`);
                continue;
            }
            total += a.violations.length;
            if (!a.violations.length) {
                console.log(`axe ${a.page.name} /${a.page.rel}: no violations`);
                continue;
            }
            failed = true;
            console.log(`axe ${a.page.name} /${a.page.rel}: ${a.violations.length} rule(s) violated`);
            for (const v of a.violations) {
                const where = v.presets.length === 2 ? "" : ` (${v.presets[0]} only)`;
                console.log(`  ${v.id} [${v.impact}] ×${v.count}${where}: ${short(v.help, 70)}`);
                console.log(`      ${short(v.target, 60)}  ${short(v.html, 80)}`);
            }
        }
        console.log(`axe-core ${axeVersion} (${AXE_TAGS.join(", ")}): ${total} violation(s) on ${axeResults.length} page(s)`);
    }
    if (searchResult) {
        if (searchResult.error || searchResult.count === 0 || searchResult.broken.length > 0) failed = true;
        console.log(searchResult.error
            ? `search "${searchResult.query}" from the header box: FAIL: ${short(searchResult.error, 90)}`
            : `search "${searchResult.query}" from the header box: ${searchResult.url}, ${searchResult.count} result(s)`
              + (searchResult.broken.length ? `, broken links: ${searchResult.broken.join(" ")}` : ", every result link opens"));
    }
    for (const problem of problems) console.log(`lighthouse: ${problem}`);
    console.log(failed ? "lighthouse: FAIL" : "lighthouse: all pages pass");
    return broken && results.every((r) => !r.lhr) ? 2 : failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(`lighthouse: ${error instanceof Fatal ? error.message : error?.stack ?? error}`);
        process.exit(2);
    },
);
