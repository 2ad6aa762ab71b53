/// The output records a build saves, read by position where the build holds them (`count`,
/// `path(at:)`, `record(at:)`), not copied into a list of their own: a cold build's 88,000
/// records at 50,000 articles were 3.6 MB of its write phase's peak, beside the output set
/// they came from.
struct OutputRecords {
    let count: Int
    let path: (Int) -> String
    let record: (Int) -> OutputRecord

    init(count: Int, path: @escaping (Int) -> String, record: @escaping (Int) -> OutputRecord) {
        self.count = count
        self.path = path
        self.record = record
    }

    /// The records of a list (one per path).
    init(_ list: [(path: String, record: OutputRecord)]) {
        self.init(count: list.count, path: { list[$0].path }, record: { list[$0].record })
    }

    /// The positions, in path order (the rows are written in the order of the table's key).
    func positionsInPathOrder() -> [Int32] {
        var positions = (0..<Int32(count)).map { $0 }
        positions.sort { path(Int($0)) < path(Int($1)) }
        return positions
    }
}
