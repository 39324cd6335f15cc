import Foundation

/// The data files that ship inside BriefCore (`Resources/Data`): word lists, rules, tables.
///
/// They are part of the build, so one that is missing or unreadable is a broken installation,
/// never an empty table: a gazetteer without its names would run, and silently find nothing.
/// Every loader goes through here, and a failure stops the program with the file's name.
package enum BundledData {
    /// `Resources/Data` as a path, found once: asking `Bundle.module` and building URLs for each of
    /// the ~70 files was ~3 ms of every process's start.
    private static let directory: String? = Bundle.module.resourceURL?.appendingPathComponent("Data", isDirectory: true).path

    /// The URL of `Resources/Data/<path>`, or nil when the bundle does not hold it.
    package static func url(_ path: String) -> URL? {
        directory.map { URL(fileURLWithPath: $0 + "/" + path) }
    }

    /// The bytes of `Resources/Data/<path>`, or the reason they cannot be read.
    package static func load(_ path: String) throws -> Data {
        guard let directory else {
            throw ReadError(.inaccessible, "Brief's bundled data file \(path) is missing: the installation is incomplete")
        }
        let file = directory + "/" + path
        if let data = FileManager.default.contents(atPath: file) { return data }
        guard FileManager.default.fileExists(atPath: file) else {
            throw ReadError(.inaccessible, "Brief's bundled data file \(path) is missing: the installation is incomplete")
        }
        throw ReadError(.inaccessible, "Brief's bundled data file \(path) cannot be read: the installation is incomplete")
    }

    /// The bytes of a file the program cannot run without; a failure stops it with the file's name.
    package static func data(_ path: String) -> Data {
        do {
            return try load(path)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    /// The UTF-8 text of a file the program cannot run without; a failure stops it with the file's name.
    package static func text(_ path: String) -> String {
        guard let text = String(data: data(path), encoding: .utf8) else {
            preconditionFailure("Brief's bundled data file \(path) is not UTF-8: the installation is broken")
        }
        return text
    }

    /// A JSON file decoded as `T`; a missing or malformed file stops the program with its name.
    package static func decode<T: Decodable>(_ type: T.Type, from path: String) -> T {
        do {
            return try JSONDecoder().decode(type, from: data(path))
        } catch {
            preconditionFailure("Brief's bundled data file \(path) is malformed: \(error)")
        }
    }
}
