// Entities in free text (what `brief entities` reads): every line a paragraph, offsets over the whole text.

extension EntityRecognizer {
    /// Recognizes entities in free text, reading each line as a paragraph of one document.
    ///
    /// - Returns: Spans whose `paragraph` is the line index and whose `start` and `end` are
    ///   Unicode scalar offsets over the whole `text`, line breaks included.
    public func entities(inText text: String) -> [EntitySpan] {
        var paragraphs: [String] = []
        var lineStarts: [Int] = []
        var current = String.UnicodeScalarView()
        var offset = 0
        var lineStart = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                paragraphs.append(String(current))
                lineStarts.append(lineStart)
                current = String.UnicodeScalarView()
                lineStart = offset + 1
            } else {
                // A CR (from CRLF or alone) is spacing; replacing it keeps offsets.
                current.append(scalar == "\r" ? " " : scalar)
            }
            offset += 1
        }
        paragraphs.append(String(current))
        lineStarts.append(lineStart)
        return entities(title: nil, paragraphs: paragraphs).map { span in
            var moved = span
            moved.start += lineStarts[span.paragraph]
            moved.end += lineStarts[span.paragraph]
            return moved
        }
    }
}
