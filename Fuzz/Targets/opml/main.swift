// Fuzzes the OPML reader that `brief import-opml` runs on a subscription export.
import BriefCore
import Foundation
import FuzzSupport

runFuzzer { start, count in
    _ = try? OPMLReader.subscriptions(from: Data(fuzzInput(start, count)))
    return 0
}
