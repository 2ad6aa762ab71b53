import Foundation
@testable import GalleyCore
import Testing

/// A list page holds its share of the list as a slice: it is coded as a plain array of its
/// items, compares by those items (not where the slice lies in its list), and a page made from
/// an array equals one made from the same items sliced out of a longer list.
@Suite struct ListPageTests {
    static let date = Timestamp(date: Date(timeIntervalSince1970: 1_760_000_000), utcOffsetSeconds: 7 * 3600)
    static let list = (0..<45).map { ArticleSummary(slug: "b\($0)", title: "Berita \($0)", path: "2025/10/b\($0)/index.html", published: date, source: "b\($0).md") }

    static func page(_ items: ArraySlice<ArticleSummary>) -> ListPage {
        ListPage(kind: .home, folder: "", items: items, pageNumber: 2, pageCount: 3, feedPath: "feed.xml", itemCount: list.count)
    }

    @Test func aSliceOfTheListCodesAndComparesAsItsItems() throws {
        let sliced = Self.page(Self.list[20..<40])
        let copied = ListPage(kind: .home, folder: "", items: Array(Self.list[20..<40]), pageNumber: 2, pageCount: 3, feedPath: "feed.xml",
                              itemCount: Self.list.count)
        #expect(sliced == copied && sliced.hashValue == copied.hashValue)
        let decoded = try JSONDecoder().decode(ListPage.self, from: JSONEncoder().encode(sliced))
        #expect(decoded == sliced && decoded.items.map(\.slug) == (20..<40).map { "b\($0)" })
        #expect(PagePlan.list(sliced).cards.map(\.slug) == decoded.items.map(\.slug))
        #expect(Self.page(Self.list[0..<20]) != sliced)
    }
}
