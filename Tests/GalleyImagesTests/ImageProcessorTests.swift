import Foundation
import GalleyCore
@testable import GalleyImages
import Testing

@Suite struct ImageProcessorTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    let processor = ImageProcessor(rules: SiteConfig.ImageRules())

    @Test func orientationIsAppliedAndMetadataStripped() throws {
        let bytes = try Self.fixture("oriented-gps.jpg")
        let hasMake = bytes.containsSequence(Array("GalleyTestCam".utf8))
        #expect(hasMake)
        let plan = try processor.plan(bytes, name: "photo.jpg")
        // Stored 1200×800 with EXIF orientation 6: shown 800×1200, so never wider than 800.
        #expect(plan.format == .jpeg)
        #expect(plan.width == 800 && plan.height == 1200)
        #expect(plan.widths == [480, 800])
        let files = try processor.files(of: plan, from: bytes)
        #expect(files.map(\.path) == [plan.path(width: 480, format: .jpeg), plan.path(width: 480, format: .webp),
                                      plan.path(width: 800, format: .jpeg), plan.path(width: 800, format: .webp)])
        #expect(plan.path(width: 800, format: .jpeg) == "media/\(plan.sha256.prefix(16)).jpg")
        for file in files {
            let make = file.bytes.containsSequence(Array("GalleyTestCam".utf8))
            let exif = file.bytes.containsSequence(Array("Exif\0\0".utf8))
            #expect(!make, "camera make left in \(file.path)")
            #expect(!exif, "EXIF block left in \(file.path)")
            let header = try Vips.header(of: file.bytes)
            #expect(header.orientation == 1)
            let expectedWidth = file.path.contains("-480.") ? 480 : 800
            #expect(Int(header.width) == expectedWidth)
            #expect(Int(header.height) == ImagePlan.scaledHeight(1200, from: 800, to: expectedWidth))
        }
        #expect(ImageFormat.sniff(files[1].bytes) == .webp)
    }

    @Test func neverEnlargedAndWidestIsCapped() throws {
        let small = try processor.plan(try Self.fixture("plain.png"), name: "a.png")
        #expect(small.widths == [480, 640] && small.width == 640 && small.height == 480)
        let wide = try processor.plan(try Self.fixture("wide.webp"), name: "https://cdn.example/img/wide")
        #expect(wide.widths == [480, 960, 1600] && wide.height == 800)
        // A WebP source is written as WebP only.
        #expect(wide.files.count == 3 && wide.files.allSatisfy { $0.format == .webp })
        let gif = try processor.plan(try Self.fixture("small.gif"), name: "anim.gif")
        #expect(gif.localImage.mimeType == "image/png" && gif.localImage.path.hasSuffix(".png"))
        let made = try processor.files(of: gif, from: try Self.fixture("small.gif"))
        #expect(made.count == 2 && ImageFormat.sniff(made[0].bytes) == .png)
    }

    @Test func hostileImagesAreRefusedWithAReason() throws {
        #expect(throws: ImageProblem.svg) { try processor.plan(try Self.fixture("script.svg"), name: "logo.svg") }
        #expect(throws: ImageProblem.tooManyPixels(width: 60000, height: 60000, limit: 40_000_000)) {
            try processor.plan(try Self.fixture("bomb.png"), name: "bomb.png")
        }
        #expect(throws: ImageProblem.mismatchedType(name: "photo.png", actual: .jpeg)) {
            try processor.plan(try Self.fixture("oriented-gps.jpg"), name: "photo.png")
        }
        #expect(throws: ImageProblem.mismatchedType(name: "icon.svg", actual: .png)) {
            try processor.plan(try Self.fixture("plain.png"), name: "icon.svg")
        }
        #expect(throws: ImageProblem.unknownFormat) { try processor.plan(Array("<html>hi</html>".utf8), name: "x.jpg") }
        let truncated = try Self.fixture("truncated.jpg")
        let plan = try processor.plan(truncated, name: "cut.jpg") // the header is whole
        #expect {
            _ = try processor.files(of: plan, from: truncated)
        } throws: { error in
            guard case .vips(let message) = error as? ImageProblem else { return false }
            return !message.isEmpty
        }
        let strict = ImageProcessor(rules: SiteConfig.ImageRules(maxPixels: 1000))
        #expect(throws: ImageProblem.tooManyPixels(width: 640, height: 480, limit: 1000)) {
            try strict.plan(try Self.fixture("plain.png"), name: "a.png")
        }
    }

    @Test func cacheKeyFollowsBytesAndSettings() throws {
        let bytes = try Self.fixture("plain.png")
        let plan = try processor.plan(bytes, name: "a.png")
        #expect(try processor.plan(bytes, name: "b.png").cacheKey == plan.cacheKey)
        #expect(try ImageProcessor(rules: SiteConfig.ImageRules(widths: [320])).plan(bytes, name: "a.png").cacheKey != plan.cacheKey)
        #expect(try ImageProcessor(rules: SiteConfig.ImageRules(quality: 60)).plan(bytes, name: "a.png").cacheKey != plan.cacheKey)
        var changed = bytes
        changed[changed.count - 20] ^= 1
        #expect((try? processor.plan(changed, name: "a.png").sha256) != plan.sha256)
    }
}

extension Array where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
