/// A list kept in chunks of a fixed size, each allocated once at its full size: it grows
/// without ever moving what it holds. An array grown past its room copies itself into a new
/// buffer, and both are held while it does: the output set's list of made files (88,000 at
/// 50,000 articles) grew so when the site's pages joined the article pages, 2.4 MB and 3.5 MB
/// at once, the build's peak.
struct ChunkedList<Element>: RandomAccessCollection {
    /// Elements per chunk.
    static var chunkSize: Int { 4096 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get { chunks[position / Self.chunkSize][position % Self.chunkSize] }
        set { chunks[position / Self.chunkSize][position % Self.chunkSize] = newValue }
    }

    mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedList: Sendable where Element: Sendable {}
