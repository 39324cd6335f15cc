// A result's listed rows are found along the order as pages ask for them: every page and
// position must be what listing every row in order first would give.
import Testing
@testable import BriefStore

@Suite struct ListedRowsTests {
    /// 3,000 rowids in a scrambled order, every third listed: pages on both sides of the walked positions.
    @Test func pagesAndPositionsAreThoseOfTheWholeListInOrder() {
        let order = (1...3_000).map { Int32(($0 * 7_919) % 3_001) }
        var rows = RowidBitmap(capacity: 3_001)
        for rowid in stride(from: 3, through: 3_000, by: 3) { rows.insert(rowid) }
        let expected = order.filter { rows.contains(Int($0)) }.map(Int64.init)
        #expect(expected.count == 1_000)

        let listed = ListedRows(rows: rows, order: order)
        #expect(listed.count == expected.count)
        #expect(listed.position(of: expected[700]) == 700, "a position before any page was listed")
        #expect(listed.position(of: 4) == nil, "a row not listed has no position")
        for positions in [0..<60, 940..<1_000, 990..<1_010, 0..<5_000, 1_200..<1_300] {
            let clamped = positions.clamped(to: 0..<expected.count)
            #expect(listed.rowids(positions) == Array(expected[clamped]), "\(positions)")
        }
        #expect(listed.all == expected)
        #expect(listed.position(of: expected[999]) == 999)
        #expect(ListedRows(rows: rows, order: order).rowids(0..<3) == Array(expected[0..<3]))
    }
}
