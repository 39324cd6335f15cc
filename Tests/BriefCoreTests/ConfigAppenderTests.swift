// Appending to config.toml keeps what the user wrote, byte for byte.
import BriefFeeds
import BriefCore
import Foundation
import Testing
import TOMLKit

@Suite struct ConfigAppenderTests {
    @Test func aSavedSearchIsAppendedAfterTheUsersTextAndReadsBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-append-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.toml")
        let original = "# my settings\ntheme = \"light\"   # easier in daylight\n\n[keys]\n\"C-n\" = \"next-article\""
        try Data(original.utf8).write(to: file)
        let search = try SavedSearch(name: "Quotes \"and\" back\\slash", queryText: "topic:cyber place:\"North Korea\"")
        try ConfigAppender.append([search.configTable], to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix(original + "\n"), "the user's text is untouched")
        let table = try TOMLTable(string: text)
        let entry = try #require(table["searches"]?.array?.first?.table)
        #expect(entry["name"]?.string == search.name)
        #expect(try SavedSearch(name: entry["name"]!.string!, queryText: entry["query"]!.string!) == search)
        #expect(table["keys"]?.table?["C-n"]?.string == "next-article", "the table before stays whole")
    }

    @Test func aMissingFileAndDirectoryAreCreated() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("brief-append-\(UUID().uuidString)/brief/config.toml")
        try ConfigAppender.append([try SavedSearch(name: "Cyber", queryText: "topic:cyber").configTable], to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "[[searches]]\nname = \"Cyber\"\nquery = \"topic:cyber\"\n")
    }

    @Test func aNameOrQueryThatCannotBeUsedSaysWhy() {
        #expect(throws: ReadError.self) { try SavedSearch(name: "  ", queryText: "cyber") }
        #expect(throws: ReadError.self) { try SavedSearch(name: "bell\u{07}", queryText: "cyber") }
        let error = #expect(throws: ReadError.self) { try SavedSearch(name: "Open", queryText: "(seoul") }
        #expect(error?.description.hasPrefix("search \"Open\": column ") == true)
    }
}
