// Where Brief keeps its files, by the XDG base directory rules.
import Foundation

/// Config, state and cache directories (`$XDG_CONFIG_HOME/brief`, `$XDG_DATA_HOME/brief`, `$XDG_CACHE_HOME/brief`).
public struct BriefDirectories: Sendable, Hashable {
    public var config: URL
    public var data: URL
    public var cache: URL

    public init(config: URL, data: URL, cache: URL) {
        self.config = config
        self.data = data
        self.cache = cache
    }

    /// Resolves the directories from an environment (pass `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("brief", isDirectory: true)
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("brief", isDirectory: true)
        cache = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("brief", isDirectory: true)
    }

    public static var current: BriefDirectories { BriefDirectories(environment: ProcessInfo.processInfo.environment) }

    public var configFile: URL { config.appendingPathComponent("config.toml") }
    public var topicsFile: URL { config.appendingPathComponent("topics.toml") }
}
