@testable import GalleyPipeline
import GalleyCore
import Testing

/// The made files' list grows in chunks without moving, and reads like an array; the records
/// saved from it come in path order.
@Suite struct ChunkedListTests {
    @Test func aChunkedListReadsAndWritesLikeAnArrayAcrossChunks() {
        var list = ChunkedList<String>()
        #expect(list.isEmpty && list.count == 0)
        let count = ChunkedList<String>.chunkSize * 2 + 3
        for number in 0..<count { list.append("halaman/\(number)") }
        #expect(list.count == count)
        #expect(Array(list) == (0..<count).map { "halaman/\($0)" })
        let last = ChunkedList<String>.chunkSize
        list[last] = "diganti"
        #expect(list[last] == "diganti" && list[last - 1] == "halaman/\(last - 1)" && list[last + 1] == "halaman/\(last + 1)")
        let copy = list
        list[0] = "lagi"
        #expect(copy[0] == "halaman/0" && list[0] == "lagi", "a copy keeps its own elements")
    }

    @Test func outputRecordsComeInPathOrder() {
        let record = OutputRecord(renderKey: OutputKey(value: 7), stamp: nil)
        let records = OutputRecords([("b/index.html", record), ("a.xml", record), ("a/index.html", record), ("c", record)])
        #expect(records.positionsInPathOrder().map { records.path(Int($0)) } == ["a.xml", "a/index.html", "b/index.html", "c"])
        #expect(OutputRecords([]).positionsInPathOrder().isEmpty)
    }
}
