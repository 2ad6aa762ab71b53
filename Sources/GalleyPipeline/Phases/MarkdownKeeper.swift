import Foundation
import GalleyCore
import GalleyNormalize

/// Writes articles' Markdown files (`<slug>.md`, front matter and body) into one folder,
/// creating it; each file atomically (temporary file, then rename) and only when its bytes
/// changed. Other files in the folder are left alone.
struct MarkdownKeeper {
    let folder: URL

    func write(_ documents: [DocumentHead], bodies: DocumentBodies, normalizer: MarkdownNormalizer) throws(GalleyError) -> (written: Int, unchanged: Int) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GalleyError(.write, source: folder.path, reason: "cannot create the Markdown folder")
        }
        var written = 0
        var unchanged = 0
        for document in documents {
            let slug = ArticleIndex.slug(of: document)
            let target = folder.appendingPathComponent(slug + ".md")
            let whole: ArticleDocument
            do throws(GalleyError) {
                let body = bodies.wholeBody(of: document.source).map { [document.source: $0] } ?? [:]
                whole = try BuildPipeline.document(document, from: body)
            } catch {
                throw GalleyError(.write, source: target.path, reason: "cannot write the Markdown file: \(error.reason)")
            }
            let bytes = Data(normalizer.serialize(whole).utf8)
            if FileManager.default.contents(atPath: target.path) == bytes {
                unchanged += 1
                continue
            }
            do {
                try bytes.write(to: target, options: .atomic)
            } catch {
                throw GalleyError(.write, source: target.path, reason: "cannot write the Markdown file")
            }
            written += 1
        }
        return (written, unchanged)
    }
}
