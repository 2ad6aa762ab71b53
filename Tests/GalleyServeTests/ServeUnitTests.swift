import Foundation
import GalleyCore
import Testing
@testable import GalleyServe

/// The small parts of the server on their own: dates, media types, script injection, hosts, events.
@Suite struct ServeUnitTests {
    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        for seconds in [0, 951_782_400, 1_790_000_000, 2_000_000_000] {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
        for bad in ["", "yesterday", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Foo 1994 08:49:37 GMT"] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func mediaTypesByExtensionAndAtomRoot() {
        let feed = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)
        let sitemap = Array("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">".utf8)
        #expect(MediaType.of(path: "/x/feed.xml", head: feed[...]) == MediaType.atom)
        #expect(MediaType.of(path: "/x/sitemap.xml", head: sitemap[...]) == MediaType.xml)
        #expect(MediaType.of(path: "/x/INDEX.HTML", head: []) == MediaType.html)
        #expect(MediaType.of(path: "/x/archive", head: []) == MediaType.fallback)
        #expect(MediaType.of(path: "/x/.profile", head: []) == MediaType.fallback)
    }

    @Test func scriptGoesBeforeTheLastClosingBody() {
        let tag = LiveReloadScript.tag
        func inject(_ page: String) -> String { String(decoding: LiveReloadScript.inject(into: Array(page.utf8)), as: UTF8.self) }
        #expect(inject("<p>a</p></body></html>") == "<p>a</p>\(tag)</body></html>")
        #expect(inject("<p>\"</body>\" in text</p></BODY >") == "<p>\"</body>\" in text</p>\(tag)</BODY >")
        #expect(inject("<p>no body end") == "<p>no body end\(tag)")
        #expect(inject("</bodyguard>") == "</bodyguard>\(tag)")
        #expect(inject("") == tag)
    }

    @Test func theNotFoundPageGetsARootBaseForMissingPathsAtAnyDepth() {
        func based(_ page: String) -> String { String(decoding: OutputFileResponder.withRootBase(Array(page.utf8)), as: UTF8.self) }
        #expect(based("<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">")
            == "<!doctype html>\n<html lang=\"id\">\n<head>\n<base href=\"/\">\n<meta charset=\"utf-8\">")
        #expect(based("<p>no head</p>") == "<p>no head</p>")
        #expect(based("") == "")
    }

    @Test func aFailedBuildAddsAnEscapedErrorBox() {
        var status = BuildStatus.initial
        #expect(LiveReloadScript.snippet(for: status) == LiveReloadScript.tag)
        status.state = .failed
        status.error = "config: galley.yml: bad <script>alert('x')</script> & \"more\""
        let snippet = LiveReloadScript.snippet(for: status)
        #expect(snippet.hasSuffix(LiveReloadScript.tag))
        #expect(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
        #expect(!snippet.contains("<script>alert"))
        // A quote or bracket followed by a combining mark is escaped too (Swift sees one Character).
        status.error = "bad \"\u{301} <\u{338}script>\u{20DD}"
        #expect(LiveReloadScript.snippet(for: status).contains("bad &quot;\u{301} &lt;\u{338}script&gt;\u{20DD}</pre>"))
    }

    @Test func loopbackHosts() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
            #expect(LoopbackHost.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "128.0.0.1", "::2"] {
            #expect(!LoopbackHost.isLoopback(host), "\(host)")
        }
    }

    @Test func eventsAreSingleSSEMessages() {
        var status = BuildStatus.initial
        status.state = .failed
        status.error = "config: galley.yml: line 1\nline 2 <b>"
        let text = ServerEvent.failed(status).text
        #expect(text.hasPrefix("event: failed\ndata: {"))
        #expect(text.hasSuffix("}\n\n"))
        #expect(text.components(separatedBy: "\n").count == 4, "one data line: \(text)")
        #expect(ServerEvent.reload(build: 3).text == "event: reload\ndata: {\"build\":3}\n\n")
    }

    @Test func hubDropsStreamsThatEnded() async {
        let hub = ReloadHub()
        do {
            let stream = hub.listen()
            #expect(hub.listenerCount == 1)
            _ = stream
        }
        #expect(hub.listenerCount == 0, "a stream nobody holds is dropped")
        let open = hub.listen()
        hub.publish(BuildStatus.finished(.failure(.init(.config, source: "galley.yml", reason: "bad")), build: 1, seconds: 0, at: Date()),
                    siteChanged: false)
        hub.close()
        var received: [ServerEvent] = []
        for await event in open { received.append(event) }
        #expect(received.count == 1)
        let late = await hub.listen().first(where: { _ in true })
        #expect(late == nil, "a closed hub hands out ended streams")
    }
}
