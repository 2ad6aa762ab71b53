import Foundation
import Testing
@testable import GalleyServe

/// No request path serves anything outside the output folder: climbing, encoded climbing,
/// backslashes, NUL, symbolic links out of the folder.
@Suite struct PathSafetyTests {
    static let secret = "galley-serve-secret-\(UUID().uuidString)"

    @Test func nothingOutsideTheOutputFolderIsServed() async throws {
        let site = try await ServeFixture.start()
        // A file beside the output folder, and links from inside the output to /etc and to it.
        let outside = site.folder.appendingPathComponent("secret.txt")
        try Self.secret.write(to: outside, atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try manager.createSymbolicLink(atPath: site.output.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: site.output.appendingPathComponent("secret.txt").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: site.output.appendingPathComponent("up").path, withDestinationPath: "..")

        let attempts = [
            "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/static/..%2f..%2fsecret.txt",
            "/..\\secret.txt", "/static\\..\\..\\secret.txt", "/%5c..%5csecret.txt", "/..%5csecret.txt",
            "/%00", "/index.html%00.txt", "/secret.txt%00", "/%2e%2e%00/secret.txt", "/static/%2e%2e/%2e%2e/secret.txt",
            "/etc/passwd", "/etc/hostname", "/passwd", "/secret.txt", "/up/secret.txt", "/up/galley.yml",
            "/.galley-outputs", "/./index.html", "/static/./galley.css/..", "/%252e%252e/secret.txt",
            "../secret.txt", "secret.txt", "http://127.0.0.1/../secret.txt",
        ]
        var refused = 0
        for target in attempts {
            let answer = try? await RawHTTPClient.exchange(port: site.port, request: "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let text = String(decoding: answer ?? [], as: UTF8.self)
            #expect(!text.contains(Self.secret), "\(target) served the secret file")
            #expect(!text.contains("root:x:0:0"), "\(target) served /etc/passwd")
            guard let reply = try? RawHTTPClient.parse(answer ?? []) else {
                refused += 1  // the HTTP parser refused the request line and closed
                continue
            }
            #expect([400, 404].contains(reply.status), "\(target) answered \(reply.status)")
        }
        print("path attempts: \(attempts.count), refused by the HTTP parser: \(refused), the rest 400/404")
        // The files that are really there still serve.
        #expect(try await site.get("/index.html").status == 200)
        #expect(try await site.get("/static/galley.css").status == 200)
        try await site.stop()
    }

    @Test func resolverRefusesClimbingAndEncodedSeparators() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("galley-resolver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tags/a"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("tags/a/index.html"))
        try Data("x".utf8).write(to: root.appendingPathComponent("caf\u{e9}.txt"))
        defer { try? FileManager.default.removeItem(at: root) }
        let resolver = OutputPathResolver(root: root.path)
        let real = OutputPathResolver.realPath(root.path)!

        #expect(resolver.resolve("/tags/a/", query: nil) == .file(real + "/tags/a/index.html"))
        #expect(resolver.resolve("/tags/a", query: "x=1") == .redirect("/tags/a/?x=1"))
        #expect(resolver.resolve("///tags/a", query: nil) == .redirect("/tags/a/"))
        #expect(resolver.resolve("/caf%C3%A9.txt", query: nil) == .file(real + "/caf\u{e9}.txt"))
        #expect(resolver.resolve("/tags/a/index.html/", query: nil) == .notFound)
        #expect(resolver.resolve("/tags/", query: nil) == .notFound)
        for bad in ["/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e/x", "/..%2fx", "/a%2Fb", "/a\\b", "/a%5Cb", "/%00", "/a%0a",
                    "/%zz", "/%2", "/%C3", "x", "/./a"] {
            #expect(resolver.resolve(Substring(bad), query: nil) == .badRequest, "\(bad)")
        }
        #expect(resolver.resolve("/.hidden", query: nil) == .notFound)
    }
}
