// What each HTML tag means to the reader: skipped, a block, a structural part of the page, or inline.
import Foundation

/// The reader's view of one tag name.
struct HTMLTag: Sendable {
    enum Role: Sendable {
        /// Never text (script, style, form controls, media, the pronunciation over ruby text): skipped with its subtree.
        case skip
        /// Starts and ends a block of text; its own kind if it has one (`p`, `li`, `h2`).
        case block
        /// Inline text (`span`, `em`, `a`).
        case inline
        /// A line break: ends a block unless inside a paragraph.
        case lineBreak
        /// A table cell: a block when it holds blocks (layout tables), inline otherwise.
        case cell
    }

    var role: Role
    /// The kind of text inside, when the tag fixes it.
    var kind: BlockKind?
    /// Structural page chrome by tag alone (`nav`, `aside`, `footer`).
    var removal: RemovalReason?
    /// Chrome by tag, but void when the element holds most of the page's prose: a `form` is a search,
    /// login, newsletter or comment box, unless it wraps the whole page (ASP.NET pages do).
    var weakRemoval: RemovalReason?
    var isLink = false
    var isHeading1 = false
    /// `article` and `main`: the containers that say "the story is here".
    var isArticle = false

    static let inline = HTMLTag(role: .inline)

    /// The table of known tags; anything else is inline.
    static let table: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for name in ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
                     "video", "audio", "source", "track", "map", "head", "select", "option", "optgroup", "textarea",
                     "input", "button", "link", "meta", "title", "base", "img", "picture", "datalist", "output",
                     "progress", "meter", "param", "applet", "frame", "frameset", "area", "wbr", "rt", "rp"] {
            table[name] = HTMLTag(role: .skip)
        }
        // `embed` is empty in HTML, but libxml2's HTML parser lets it swallow the text after it
        // ("safe<embed src=…> description" put " description" inside the embed): its
        // children, if any, are that text.
        table["embed"] = HTMLTag(role: .inline)
        for name in ["div", "section", "body", "html", "center", "address", "details", "summary", "fieldset", "form",
                     "figure", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "hgroup", "legend", "hr", "frameset",
                     "noframes", "main", "article", "header", "footer", "nav", "aside", "dialog", "menu", "search"] {
            table[name] = HTMLTag(role: .block)
        }
        table["p"] = HTMLTag(role: .block, kind: .paragraph)
        for level in 1...6 { table["h\(level)"] = HTMLTag(role: .block, kind: .heading, isHeading1: level == 1) }
        for name in ["li", "dt", "dd"] { table[name] = HTMLTag(role: .block, kind: .listItem) }
        table["blockquote"] = HTMLTag(role: .block, kind: .quote)
        table["pre"] = HTMLTag(role: .block, kind: .preformatted)
        table["tr"] = HTMLTag(role: .block, kind: .tableRow)
        table["figcaption"] = HTMLTag(role: .block, kind: .caption)
        table["caption"] = HTMLTag(role: .block, kind: .caption)
        table["main"] = HTMLTag(role: .block, isArticle: true)
        table["article"] = HTMLTag(role: .block, isArticle: true)
        table["nav"] = HTMLTag(role: .block, removal: .navigation)
        table["menu"] = HTMLTag(role: .block, removal: .navigation)
        table["search"] = HTMLTag(role: .block, removal: .navigation)
        table["aside"] = HTMLTag(role: .block, removal: .boilerplate)
        table["dialog"] = HTMLTag(role: .block, removal: .boilerplate)
        table["footer"] = HTMLTag(role: .block, removal: .footer)
        table["form"] = HTMLTag(role: .block, weakRemoval: .boilerplate)
        table["br"] = HTMLTag(role: .lineBreak)
        table["td"] = HTMLTag(role: .cell)
        table["th"] = HTMLTag(role: .cell)
        table["a"] = HTMLTag(role: .inline, isLink: true)
        return table
    }()
}
