// The month and weekday names of Resources/Data/date-names.json, shared by every date parser.
import Foundation

/// Month and weekday names in the languages news is written in, read once from the data file.
enum DateNames {
    private struct File: Decodable {
        var months: [[String]]
        var weekdays: [[String]]
    }

    private static let file: File = {
        let file = BundledData.decode(File.self, from: "date-names.json")
        precondition(file.months.count == 12 && file.weekdays.count == 7,
                     "Brief's bundled data file date-names.json needs 12 months and 7 weekdays")
        return file
    }()

    /// Lower-cased month name or abbreviation to its number, 1 for January.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, names) in file.months.enumerated() {
            for name in names { table[name.lowercased()] = index + 1 }
        }
        return table
    }()

    /// Lower-cased weekday name or abbreviation to its number, 1 for Monday.
    static let weekdayNumbers: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, names) in file.weekdays.enumerated() {
            for name in names { table[name.lowercased()] = index + 1 }
        }
        return table
    }()

    /// Lower-cased weekday names and abbreviations.
    static let weekdays: Set<String> = Set(weekdayNumbers.keys)
}
