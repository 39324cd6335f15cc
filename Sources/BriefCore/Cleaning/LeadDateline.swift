// The wire dateline that opens a story: "WASHINGTON (Reuters) - The …".

extension MetadataLineRules {
    /// A dateline sits in the paragraph's first characters.
    private static let leadDatelineSearchedLength = 120

    /// The agency a story's opening dateline credits: "WASHINGTON (Reuters) - …", "NEW DELHI,
    /// Dec 9 (AP) — …", "Berlin (dpa) - …"; nil when it has none. A few words of place (and
    /// date), the agency in parentheses, then a dash and a space. The paragraph keeps its words:
    /// the dateline is the first words of the story, read as they are printed.
    package func leadDatelineAgency(in paragraph: String) -> String? {
        let head = paragraph.prefix(Self.leadDatelineSearchedLength)
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        // The place's words are names, a date's month and numbers ("RAMALLAH, West Bank, Dec. 5"),
        // a short particle aside ("Rio de Janeiro"): a sentence's lowercase words, a quotation or a
        // clause is no dateline.
        let place = head[..<open]
        let placeWords = place.split(whereSeparator: \.isWhitespace)
        // A parenthesis with no place before it may hold the place itself: "(Leipzig) - Von …".
        guard !placeWords.isEmpty, placeWords.count <= leadDatelinePlaceMaximumWords,
              placeWords.allSatisfy({ word in word.first.map { !$0.isLowercase } ?? true || word.count <= 3 }),
              !place.contains(where: { "!?;:\"“”«»".contains($0) }),
              let name = agencyName(head[head.index(after: open)..<close], allowingOneSmallWord: true) else { return nil }
        let after = head[head.index(after: close)...].drop(while: \.isWhitespace)
        guard let dash = after.first, "-–—".contains(dash), after.dropFirst().first?.isWhitespace ?? false else { return nil }
        return name
    }
}
