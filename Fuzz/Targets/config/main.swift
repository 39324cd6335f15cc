// Fuzzes what reads config.toml and topics.toml: the TOML layer (TOMLKit), the walk the reader's
// config makes over it (Sources/brief/Reader/ReaderConfig.swift lives in the executable, so its
// steps are repeated here: library, theme, key tables), the key rebinding, the `[[feeds]]`
// decoding and the topic file parser.
import BriefCore
import BriefFeeds
import BriefUI
import Foundation
import FuzzSupport
import TOMLKit

private struct FeedsFile: Decodable {
    var feeds: [FeedSubscription]?
}

runFuzzer { start, count in
    guard let text = String(validating: fuzzInput(start, count), as: UTF8.self) else { return 0 }
    _ = try? TopicFile.parse(text, file: "topics.toml")
    // Every TOML reader in Brief refuses these headers before TOMLKit sees them (toml++ aborts).
    guard TOMLHeaderCheck.problem(in: text) == nil else { return 0 }
    _ = try? TOMLDecoder().decode(FeedsFile.self, from: text)
    guard let table = try? TOMLTable(string: text) else { return 0 }
    _ = table["library"]?.array?.compactMap(\.string)
    _ = table["theme"]?.string
    var keys: [(context: KeyContext, key: String, command: String)] = []
    if let keysTable = table["keys"]?.table {
        for key in keysTable.keys {
            if let context = KeyContext(rawValue: key), let section = keysTable[key]?.table {
                for name in section.keys { if let command = section[name]?.string { keys.append((context, name, command)) } }
            } else if let command = keysTable[key]?.string {
                keys.append((.global, key, command))
            }
        }
    }
    var bindings = KeyBindings.defaults
    _ = bindings.rebind(keys)
    return 0
}
