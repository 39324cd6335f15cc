// swift-tools-version: 6.1
// Brief: a terminal reader for news articles.
import PackageDescription

let package = Package(
    name: "Brief",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "brief", targets: ["brief"]),
        .library(name: "BriefCore", targets: ["BriefCore"]),
        .library(name: "BriefFeeds", targets: ["BriefFeeds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: C modules
        // ncursesw (apt: libncursesw5-dev) and what Swift cannot import from it, defined in shim.c.
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        // apt: libxml2-dev; the headers live in /usr/include/libxml2 (pkg-config libxml-2.0)
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // apt: libcurl4-openssl-dev (headers; libcurl itself is opened with dlopen on the first
        // fetch, in shim.c); the feed fetcher's HTTP (URLSession cannot bound a decoded body)
        .target(name: "CCurl"),
        // apt: zlib1g-dev; the library cache stores each article's text deflated
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: The pure core: reading, cleaning, annotation, query
        .target(
            name: "BriefCore",
            dependencies: ["CLibXML2", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Resources/Data")]
        ),

        // MARK: Feeds: fetching (libcurl), refreshing, the feed store, subscriptions and OPML
        .target(
            name: "BriefFeeds",
            dependencies: ["BriefCore", "CCurl", "CLibXML2"]
        ),

        // MARK: Persistence (SQLite through GRDB): read/starred state, article cache
        .target(
            name: "BriefStore",
            dependencies: ["BriefCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // MARK: The pure UI: state, reducer, views drawing into a cell grid
        // The theme files live at the top of the repository, where users look for them.
        .target(name: "BriefThemes", path: "Themes", resources: [.copy("dark.toml"), .copy("light.toml"), .copy("monochrome.toml"), .copy("high-contrast.toml"), .copy("solarized-dark.toml")]),
        .target(
            name: "BriefUI",
            dependencies: ["BriefCore", "BriefThemes", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Resources")]
        ),

        // MARK: The reader over the library cache: BriefUI's ArticleSource answered by BriefStore
        .target(name: "BriefReaderStore", dependencies: ["BriefCore", "BriefStore"]),

        // MARK: The thin ncurses adapter
        .target(name: "BriefTerminal", dependencies: ["BriefUI", "CNcursesw"]),

        // MARK: config.toml, read in one place for every command
        .target(name: "BriefConfig", dependencies: ["BriefCore", "BriefFeeds", "BriefUI", .product(name: "TOMLKit", package: "TOMLKit")]),

        // MARK: Executables
        .executableTarget(
            name: "brief",
            dependencies: [
                "BriefConfig", "BriefCore", "BriefFeeds", "BriefStore", "BriefUI", "BriefReaderStore", "BriefTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("SampleLibrary")]
        ),
        .executableTarget(name: "brief-bench", dependencies: ["BriefCore", "BriefStore", "BriefUI", "BriefReaderStore"]),

        // MARK: Tests
        // What several test targets share (temporary directories, entity spans for hand-built articles).
        .target(name: "BriefTestSupport", dependencies: ["BriefCore"], path: "Tests/BriefTestSupport"),
        .testTarget(name: "BriefCoreTests", dependencies: ["BriefConfig", "BriefCore", "BriefFeeds", .product(name: "TOMLKit", package: "TOMLKit")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "BriefStoreTests", dependencies: ["BriefStore", "BriefTestSupport"]),
        .testTarget(name: "BriefUITests", dependencies: ["BriefUI", "BriefCore", "BriefTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "BriefReaderStoreTests",
                    dependencies: ["BriefReaderStore", "BriefStore", "BriefUI", "BriefCore", "BriefTestSupport"]),
        .testTarget(name: "BriefEndToEndTests", dependencies: ["brief"]),
    ]
)

// MARK: Fuzz targets, only with BRIEF_FUZZ=1 (Fuzz/run builds them with -sanitize=fuzzer,address)
// Each target's main.swift hands its test function to libFuzzer's driver (FuzzSupport); the
// ordinary build and `swift test` never see them.
if Context.environment["BRIEF_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["BriefCore"], path: "Fuzz/Support"))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("text", ["BriefCore"]), ("pagetext", ["BriefCore"]), ("html", ["BriefCore"]),
        ("feed", ["BriefCore"]), ("opml", ["BriefCore"]), ("filter", ["BriefCore", "BriefStore"]),
        ("theme", ["BriefUI"]), ("config", ["BriefConfig", "BriefUI"]),
        ("detail", ["BriefCore", "BriefStore"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: "fuzz-\(target.name)", dependencies: ["FuzzSupport"] + target.dependencies,
                                                 path: "Fuzz/Targets/\(target.name)"))
        package.products.append(.executable(name: "fuzz-\(target.name)", targets: ["fuzz-\(target.name)"]))
    }
}
