// Fuzzes the cache's detail codec: a damaged blob in the library cache must be refused, never
// crash the reader, and what decodes must encode and decode back to the same detail.
import BriefCore
@testable import BriefStore
import Foundation
import FuzzSupport

private enum Shared {
    static let title = "North Korea tests a missile"
    static let paragraphs = ["Jake Sullivan met IAEA inspectors in Vienna.", "Sanctions on the shadow fleet: ünïcode 🚀."]
}

runFuzzer { start, count in
    let data = Data(fuzzInput(start, count))
    guard let detail = try? ArticleDetailCodec.decode(data, title: Shared.title, paragraphs: Shared.paragraphs) else { return 0 }
    // Compared as bytes: a topic score may be NaN, which is never equal to itself.
    let encoded = ArticleDetailCodec.encode(detail, title: Shared.title, paragraphs: Shared.paragraphs)
    guard let again = try? ArticleDetailCodec.decode(encoded, title: Shared.title, paragraphs: Shared.paragraphs),
          ArticleDetailCodec.encode(again, title: Shared.title, paragraphs: Shared.paragraphs) == encoded else {
        fatalError("a decoded detail does not survive encoding: \(detail)")
    }
    return 0
}
