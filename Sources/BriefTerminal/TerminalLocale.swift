// Makes sure wide characters work: the user's locale, else C.UTF-8, else ASCII with a notice.
import CNcursesw
import Glibc

package enum TerminalLocale {
    /// Sets the locale from the environment; when its codeset is not UTF-8 (only C,
    /// C.UTF-8 and POSIX may exist), falls back to C.UTF-8 for character types.
    ///
    /// - Returns: false when no UTF-8 locale could be had and output must be ASCII.
    package static func configure() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8 { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8
    }

    static var isUTF8: Bool {
        guard let codeset = brief_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
