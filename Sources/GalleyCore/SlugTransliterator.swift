import Foundation
import Synchronization
#if canImport(_FoundationICU)
import _FoundationICU
#endif

/// ICU's `Any-Latin; Latin-ASCII; Lower` opened once and kept, for `Slug`.
///
/// Foundation's `applyingTransform` opens a new transliterator on every call, and ICU then
/// builds the script's rules into it again: a cold build of 10,000 articles with Chinese and
/// Arabic titles and tags spent 0.24 s of CPU there, one call at a time. The ICU is the one
/// Foundation uses (its `_FoundationICU`), so slugs do not change; `SlugTests` compares the two.
/// Where that module is missing, `transliterate` returns nil and `Slug` uses Foundation.
final class SlugTransliterator: Sendable {
    /// The transform `Slug` applies.
    static let transformID = "Any-Latin; Latin-ASCII; Lower"

    static let shared = SlugTransliterator()

    /// The open transliterator (an ICU `UTransliterator *`), used by one caller at a time:
    /// ICU's transliterators are not thread-safe.
    private let handle: Mutex<Handle?>

    #if canImport(_FoundationICU)
    private struct Handle: @unchecked Sendable {
        // Owned by `SlugTransliterator` (opened in `init`, closed in `deinit`) and only used
        // inside `handle`'s lock.
        let pointer: UnsafeMutablePointer<UTransliterator?>
    }
    #else
    private struct Handle: Sendable {}
    #endif

    private init() {
        #if canImport(_FoundationICU)
        let id = Array(Self.transformID.utf16)
        var status = U_ZERO_ERROR
        let opened = swift_utrans_openU(id, Int32(id.count), UTRANS_FORWARD, nil, 0, nil, &status)
        handle = Mutex(opened.flatMap { status.rawValue <= U_ZERO_ERROR.rawValue ? Handle(pointer: $0) : nil })
        #else
        handle = Mutex(nil)
        #endif
    }

    deinit {
        #if canImport(_FoundationICU)
        handle.withLock { if let open = $0 { swift_utrans_close(open.pointer) } }
        #endif
    }

    /// `text` transliterated; nil when ICU is not at hand or fails, and for text with characters
    /// beyond the Basic Multilingual Plane (emoji, rare Han): for those, Foundation's transform
    /// (which hands ICU the text through callbacks) gives other output around them than ICU on
    /// the plain text does (`北京 · 🙂` keeps its `·` there, not here), and slugs must not
    /// change. 20,000 random texts in 20 scripts without such characters gave the same output
    /// both ways. The caller falls back to Foundation on nil.
    func transliterate(_ text: String) -> String? {
        #if canImport(_FoundationICU)
        guard text.utf16.allSatisfy({ !UTF16.isLeadSurrogate($0) && !UTF16.isTrailSurrogate($0) }) else { return nil }
        let source = Array(text.utf16)
        var capacity = max(64, source.count * 4 + 16)
        return handle.withLock { open -> String? in
            guard let open else { return nil }
            // Han becomes several Latin letters per character: the buffer grows when ICU asks.
            for _ in 0..<4 {
                var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
                var length = Int32(source.count)
                var limit = length
                var status = U_ZERO_ERROR
                swift_utrans_transUChars(UnsafePointer(open.pointer), &buffer, &length, Int32(capacity), 0, &limit, &status)
                if status == U_BUFFER_OVERFLOW_ERROR {
                    capacity = Int(length) + 16
                    continue
                }
                guard status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
                return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
            }
            return nil
        }
        #else
        return nil
        #endif
    }
}
