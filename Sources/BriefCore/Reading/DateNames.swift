// The month and weekday names of Resources/Data/date-names.json, shared by every date parser.
import Foundation

/// Month and weekday names in the languages news is written in, read once from the data file.
enum DateNames {
    private struct File: Decodable {
        var months: [[String]]
        var weekdays: [[String]]
    }

    private static let file: File = {
        guard let url = Bundle.module.url(forResource: "date-names", withExtension: "json", subdirectory: "Data"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data),
              file.months.count == 12, file.weekdays.count == 7 else {
            preconditionFailure("Resources/Data/date-names.json is missing or malformed")
        }
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

    /// Lower-cased weekday names and abbreviations.
    static let weekdays: Set<String> = Set(file.weekdays.joined().map { $0.lowercased() })
}
