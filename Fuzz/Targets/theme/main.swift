// Fuzzes the theme parser that reads the files in Themes/ and $XDG_CONFIG_HOME/brief/themes/.
import BriefUI
import Foundation
import FuzzSupport

runFuzzer { start, count in
    // Theme files are read as UTF-8; anything else is refused before parsing.
    guard let text = String(validating: fuzzInput(start, count), as: UTF8.self) else { return 0 }
    _ = try? ThemeParser.parse(text, file: "fuzz.toml", defaultName: "fuzz")
    return 0
}
