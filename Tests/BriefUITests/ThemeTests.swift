// Themes: every bundled file parses, mistakes are reported by line and key, colors degrade.
import BriefUI
import Foundation
import Testing

@Suite struct ThemeTests {
    @Test func everyBundledThemeLoads() throws {
        let catalog = ThemeCatalog(userDirectory: nil)
        #expect(catalog.names.count >= 5)
        for name in catalog.names {
            let theme = try catalog.loadStrictly(name)
            #expect(theme.name == name)
            #expect(theme.style(for: .listSelected) != theme.style(for: .normal), "\(name): selection invisible")
        }
        let monochrome = try catalog.loadStrictly("monochrome")
        for role in StyleRole.allCases {
            let style = monochrome.style(for: role)
            #expect(style.foreground == .default && style.background == .default)
        }
    }

    /// A theme file dropped into `Themes/` but not listed in Package.swift would silently not ship.
    @Test func everyFileInTheThemesFolderShips() throws {
        let themesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
            .filter { $0.hasSuffix(".toml") }
            .map { String($0.dropLast(".toml".count)) }
        #expect(files.count >= 5)
        #expect(Set(ThemeCatalog(userDirectory: nil).names) == Set(files))
        #expect(ThemeCatalog(userDirectory: nil).names.first == ThemeCatalog.defaultName)
    }

    @Test func aMalformedThemeIsReportedWithLineAndKeyAndTheDefaultIsUsed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            name = "broken"
            [roles]
            normal = { fg = "default" }
            "list.selected" = { fg = "chartreuse-ish" }
            """.write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userDirectory: directory)
        #expect(catalog.names.contains("broken"))
        let (theme, error) = catalog.load("broken")
        #expect(theme.name == "dark")
        #expect(error?.line == 4)
        #expect(error?.key == "list.selected.fg")
        #expect(error?.description.contains("broken.toml:4: list.selected.fg") == true)
    }

    @Test func syntaxErrorsCarryTheirLine() {
        #expect(throws: ThemeError.self) { try ThemeParser.parse("[roles]\nnormal = {", file: "x.toml", defaultName: "x") }
        do {
            _ = try ThemeParser.parse("name = \"x\"\n[roles]\nnormal = {", file: "x.toml", defaultName: "x")
        } catch {
            #expect(error.line == 3)
        }
        do {
            _ = try ThemeParser.parse("[roles]\n\"list.slected\" = { fg = 1 }", file: "x.toml", defaultName: "x")
        } catch {
            #expect(error.key == "list.slected" && error.line == 2)
        }
    }

    @Test func colorsDegradeToWhatTheTerminalHas() {
        let orange = TerminalColor(name: "208")!
        #expect(orange.degraded(toColors: 256) == .index(208))
        // Nearest of the 16 ANSI colors by RGB distance: yellow (205, 205, 0).
        #expect(orange.degraded(toColors: 16) == .index(3))
        #expect(TerminalColor(name: "bright-red")!.degraded(toColors: 8) == .index(1))
        #expect(orange.degraded(toColors: 0) == nil)
        #expect(TerminalColor(name: "#ff0000") == .index(196))
        #expect(TerminalColor(name: "bright-red") == .index(9))
    }
}
