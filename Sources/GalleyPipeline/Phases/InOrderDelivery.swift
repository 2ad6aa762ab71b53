/// Hands on the results of a list of items in the items' order while they are made batch by
/// batch: a kept item's result is asked for when its turn comes (`kept`), a made one's taken from
/// its batch's results, which hold the items not kept, in order. Nothing is held for items
/// already handed on (`BuildPipeline.makePages`).
struct InOrderDelivery<Result> {
    /// Whether each item is kept (its result asked for, not made).
    private let isKept: [Bool]
    /// How many items were handed on.
    private(set) var delivered = 0

    init(isKept: [Bool]) { self.isKept = isKept }

    /// Hands on every item before `end` not handed on yet: kept ones from `kept`, the others
    /// from `made` (the results of the items not kept among them, in order; one for each).
    mutating func deliver<Failure: Error>(upTo end: Int, made: [Result], kept: (Int) -> Result,
                                          take: (Int, Result) throws(Failure) -> Void) throws(Failure) {
        var next = made.makeIterator()
        while delivered < end {
            if isKept[delivered] {
                try take(delivered, kept(delivered))
            } else {
                guard let result = next.next() else { preconditionFailure("fewer results made than items to make") }
                try take(delivered, result)
            }
            delivered += 1
        }
    }
}
