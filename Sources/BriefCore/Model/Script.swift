// Named Unicode ranges for the scripts Brief treats specially, in one table: callers pick the
// ranges they mean instead of writing their own bounds.

/// Blocks of Unicode scalar values, by script. Computed (not stored) so a hot loop that tests
/// them compiles to plain comparisons.
package enum Script {
    /// Hiragana and katakana, marks and iteration signs included.
    package static var kana: ClosedRange<UInt32> { 0x3040...0x30FF }
    /// The kana letters alone (no voicing marks, no iteration or prolonged-sound signs).
    package static var hiraganaLetters: ClosedRange<UInt32> { 0x3041...0x3096 }
    package static var katakanaLetters: ClosedRange<UInt32> { 0x30A1...0x30FA }
    /// Half-width katakana, from old Japanese encodings.
    package static var halfwidthKatakana: ClosedRange<UInt32> { 0xFF66...0xFF9F }
    /// CJK Unified Ideographs, the main block.
    package static var han: ClosedRange<UInt32> { 0x4E00...0x9FFF }
    /// CJK Unified Ideographs Extension A.
    package static var hanExtensionA: ClosedRange<UInt32> { 0x3400...0x4DBF }
    /// CJK Compatibility Ideographs.
    package static var hanCompatibility: ClosedRange<UInt32> { 0xF900...0xFAFF }
    /// The supplementary ideographic planes' extensions (B through H).
    package static var hanSupplementary: ClosedRange<UInt32> { 0x20000...0x3134F }
    /// Precomposed Hangul syllables.
    package static var hangulSyllables: ClosedRange<UInt32> { 0xAC00...0xD7AF }
    /// Thai.
    package static var thai: ClosedRange<UInt32> { 0x0E00...0x0E7F }

    /// Han in any of its blocks.
    @inline(__always)
    package static func isHan(_ value: UInt32) -> Bool {
        han.contains(value) || hanExtensionA.contains(value) || hanCompatibility.contains(value) || hanSupplementary.contains(value)
    }
}
