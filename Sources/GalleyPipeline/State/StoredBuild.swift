import Foundation
import GalleyCore

/// The build state opened, with what the no-change check reads of it: the last build's record,
/// the output records and, when the check can apply at all, the sources' fingerprints. Read on
/// another thread while the config, theme and content folder are read (`BuildPipeline.run()`),
/// then handed over whole to the build's thread.
///
/// `@unchecked Sendable`: `store` is a class that is not `Sendable`. The reading thread is done
/// with it before `BackgroundWork.wait()` hands the value over, and from then on only the
/// build's thread uses it.
struct StoredBuild: @unchecked Sendable {
    let store: BuildStateStore
    let last: LastBuild
    /// Every output record, by path (read even for `--full`: stale files are pruned by it);
    /// the build takes them out to let them go when it is done with them.
    var outputs: [String: OutputRecord]
    /// The sources' fingerprints when the last build could be current (`mayBeCurrent`); nil
    /// when the no-change check is not made (and once the source stage is done with them).
    var fingerprints: [String: SourceFingerprint]?
    /// The records of the scrape's image files, read with `fingerprints` (none otherwise): the
    /// no-change check asks their files too.
    var scrapedImages: [String: ScrapedImageRecord] = [:]
    /// The same for the archives' images, by archive.
    var archivedImages: [String: ArchivedImagesRecord] = [:]

    /// Opens the state at `url` and reads it; `mayBeCurrent` says from the last build's record
    /// whether the no-change check is worth making.
    init(url: URL, extractionKey: String, mayBeCurrent: (LastBuild) -> Bool) throws(GalleyError) {
        store = try BuildStateStore(url: url)
        last = try store.lastBuild()
        outputs = try store.outputRecords()
        fingerprints = mayBeCurrent(last) ? try store.sourceFingerprints(extractionKey: extractionKey) : nil
        if fingerprints != nil {
            scrapedImages = try store.scrapedImages(settings: nil)
            archivedImages = try store.archivedImages(settings: nil)
        }
    }
}
