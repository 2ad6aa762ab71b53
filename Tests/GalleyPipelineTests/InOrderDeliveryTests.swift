@testable import GalleyPipeline
import Testing

/// Results made batch by batch (only of the items not kept) come out in the items' order, each
/// once, kept ones asked for in their turn, whatever the batches' sizes and the kept items'
/// places; a failure from `take` stops the delivery at that item.
@Suite struct InOrderDeliveryTests {
    @Test(arguments: [1, 2, 3, 7, 100])
    func everyItemIsHandedOnOnceInOrder(batchSize: Int) {
        for pattern in [[Bool](repeating: false, count: 20), [Bool](repeating: true, count: 20),
                        (0..<23).map { $0 % 3 == 0 }, (0..<23).map { $0 % 5 != 0 }, [true, true, false], [false], []] {
            var delivery = InOrderDelivery<String>(isKept: pattern)
            var seen: [(Int, String)] = []
            let pending = pattern.indices.filter { !pattern[$0] }
            for start in stride(from: 0, to: pending.count, by: batchSize) {
                let batch = Array(pending[start..<min(start + batchSize, pending.count)])
                delivery.deliver(upTo: batch.last! + 1, made: batch.map { "made \($0)" }, kept: { "kept \($0)" }) { seen.append(($0, $1)) }
                #expect(delivery.delivered == batch.last! + 1, "nothing past the batch is handed on")
            }
            delivery.deliver(upTo: pattern.count, made: [], kept: { "kept \($0)" }) { seen.append(($0, $1)) }
            #expect(seen.map(\.0) == Array(pattern.indices))
            #expect(seen.map(\.1) == pattern.indices.map { pattern[$0] ? "kept \($0)" : "made \($0)" })
        }
    }

    private struct Stop: Error {}

    @Test func aFailureStopsTheDeliveryAtItsItem() {
        var delivery = InOrderDelivery<Int>(isKept: [true, false, true, false])
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try delivery.deliver(upTo: 4, made: [1, 3], kept: { $0 }) { index, result throws(Stop) in
                if index == 2 { throw Stop() }
                seen.append(result)
            }
        }
        #expect(seen == [0, 1] && delivery.delivered == 2)
    }
}
