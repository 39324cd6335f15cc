// The reader's marks written to the user's state database.
import BriefStore
import BriefCore

/// `ReadingMarks` over a `StateStore`: the session's read and starred marks, each its own commit.
package struct StoreReadingMarks: ReadingMarks {
    package let store: StateStore

    package init(_ store: StateStore) { self.store = store }

    package func setRead(_ id: String, _ read: Bool) throws { try store.setRead(id, read) }
    package func setStarred(_ id: String, _ starred: Bool) throws { try store.setStarred(id, starred) }
}
