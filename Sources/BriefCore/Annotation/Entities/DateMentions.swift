// Dates in running text: `December 9, 2023`, `9 Dec 2023`, `Friday`, `2023-12-09`.

extension DocumentEntityFinder {
    /// The end of a date starting at token `i`, or nil.
    ///
    /// Month names that are also ordinary words (`May`, `March`) count only next to a number.
    func dateEnd(in tokens: [EntityToken], at i: Int, scalars: [UInt32]) -> Int? {
        let token = tokens[i]
        let n = tokens.count
        if token.has(.digit) { return Self.isISODate(token, in: scalars) ? i + 1 : nil }
        guard token.isWord, !token.has(.lowercase) else { return nil }
        if gazetteer.weekdays.contains(token.key) {
            if i + 2 < n, tokens[i + 1].symbol == 0x2C, gazetteer.months.contains(tokens[i + 2].key),
               let end = dateEnd(in: tokens, at: i + 2, scalars: scalars) {
                return end
            }
            return i + 1
        }
        guard gazetteer.months.contains(token.key) else { return nil }
        var j = i + 1
        var numbered = i > 0 && Self.isDayNumber(tokens[i - 1], in: scalars)
        if j < n, Self.isDayNumber(tokens[j], in: scalars) {
            j += 1
            numbered = true
            if j + 1 < n, tokens[j].symbol == 0x2C, Self.isYear(tokens[j + 1], in: scalars) {
                j += 2
            } else if j < n, Self.isYear(tokens[j], in: scalars) {
                j += 1
            }
        } else if j < n, Self.isYear(tokens[j], in: scalars) {
            j += 1
            numbered = true
        }
        if gazetteer.ambiguousMonths.contains(token.key), !numbered { return nil }
        return j
    }

    /// A day of the month: `9`, `09`, `9th`.
    static func isDayNumber(_ token: EntityToken, in scalars: [UInt32]) -> Bool {
        guard token.has(.digit), token.end - token.start <= 4 else { return false }
        var value = 0
        var index = token.start
        while index < token.end, scalars[index] >= 0x30, scalars[index] <= 0x39 {
            value = value * 10 + Int(scalars[index] - 0x30)
            index += 1
        }
        let digits = index - token.start
        guard digits >= 1, digits <= 2, (1...31).contains(value) else { return false }
        return index == token.end || token.end - index == 2  // st, nd, rd, th
    }

    static func isYear(_ token: EntityToken, in scalars: [UInt32]) -> Bool {
        guard token.end - token.start == 4, !token.isWord else { return false }
        return (token.start..<token.end).allSatisfy { scalars[$0] >= 0x30 && scalars[$0] <= 0x39 }
            && (scalars[token.start] == 0x31 || scalars[token.start] == 0x32)
    }

    /// `2023-12-09`.
    static func isISODate(_ token: EntityToken, in scalars: [UInt32]) -> Bool {
        guard token.end - token.start == 10 else { return false }
        for offset in 0..<10 {
            let value = scalars[token.start + offset]
            let isDash = value == 0x2D
            if offset == 4 || offset == 7 { if !isDash { return false } } else if !(value >= 0x30 && value <= 0x39) { return false }
        }
        return true
    }
}
