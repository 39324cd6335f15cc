// Turns what wget_wch returns into Brief's keys.
import BriefUI
import CNcursesw

enum KeyDecoder {
    /// A function key (wget_wch returned KEY_CODE_YES).
    static func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case brief_key_resize(): return .resize
        case brief_key_up(): return .key(.up)
        case brief_key_down(): return .key(.down)
        case brief_key_left(): return .key(.left)
        case brief_key_right(): return .key(.right)
        case brief_key_ppage(): return .key(.pageUp)
        case brief_key_npage(): return .key(.pageDown)
        case brief_key_home(): return .key(.home)
        case brief_key_end(): return .key(.end)
        case brief_key_btab(): return .key(.backTab)
        case brief_key_backspace(): return .key(.backspace)
        case brief_key_dc(): return .key(.delete)
        case brief_key_enter(): return .key(.enter)
        case (brief_key_f0() + 1)...(brief_key_f0() + 24): return .key(.function(Int(code - brief_key_f0())))
        default: return nil
        }
    }

    /// A character (wget_wch returned OK); control characters become named keys.
    static func character(_ value: UInt32) -> TerminalInput? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        case 0...31, 128...159: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
