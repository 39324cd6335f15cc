// Fuzzes what reads config.toml and topics.toml: BriefConfig's ReaderConfig (the one reader of
// config.toml: TOMLKit, then library, theme, stories, saved searches, keys, feeds and fetch
// limits), the key rebinding its keys feed, and the topic file parser.
import BriefConfig
import BriefCore
import BriefUI
import Foundation
import FuzzSupport

runFuzzer { start, count in
    guard let text = String(validating: fuzzInput(start, count), as: UTF8.self) else { return 0 }
    _ = try? TopicFile.parse(text, file: "topics.toml")
    let config = ReaderConfig(text: text, file: URL(fileURLWithPath: "/fuzz/config.toml"))
    var bindings = KeyBindings.defaults
    _ = bindings.rebind(config.keys)
    return 0
}
