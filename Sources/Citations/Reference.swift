import Foundation

/// One work that can be cited, in the terms of CSL's variables (whatever file it was read from).
public struct Reference: Sendable, Equatable {
    /// The citation key (`vaswani2017`).
    public var id: String
    public var type: ReferenceType
    public var author: [Name] = []
    /// True when the author list ends in BibTeX's `and others`: styles always shorten it with "et al.".
    public var hasMoreAuthors = false
    public var editor: [Name] = []
    public var issued: DateParts?
    public var title: String?
    /// The journal, proceedings or book a part appears in.
    public var containerTitle: String?
    /// A series or collection (`Lecture Notes in Computer Science`).
    public var collectionTitle: String?
    public var volume: String?
    public var issue: String?
    /// Pages as written, with `--` turned into an en dash (`100–110`).
    public var page: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var edition: String?
    /// A report or thesis's issuing body or a conference's organiser, when not a publisher.
    public var authority: String?
    public var number: String?
    public var doi: String?
    public var url: String?
    /// The arXiv identifier (`1706.03762`), from `eprint` with `archivePrefix = arXiv` or from CSL-JSON.
    public var arxiv: String?
    public var isbn: String?
    public var note: String?
    /// When a web page was read.
    public var accessed: DateParts?
    /// Where in its file the reference starts (nil for CSL-JSON, whose reader does not track lines).
    public var location: SourceLocation?

    public init(id: String, type: ReferenceType) {
        self.id = id
        self.type = type
    }

    /// A DOI written as `https://doi.org/10.1/x`, `doi:10.1/x` or bare, as the bare DOI (`10.1/x`).
    public static func bareDOI(_ doi: String) -> String {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where doi.lowercased().hasPrefix(prefix) {
            return String(doi.dropFirst(prefix.count))
        }
        return doi
    }

    /// The link a reader follows first: the DOI's resolver, else the URL, else the arXiv abstract page.
    public var primaryLink: String? {
        if let doi { return "https://doi.org/" + doi }
        if let url { return url }
        if let arxiv { return "https://arxiv.org/abs/" + arxiv }
        return nil
    }
}

/// The kinds of work, as CSL names them (the subset the built-in styles tell apart).
public enum ReferenceType: String, Sendable, CaseIterable {
    case articleJournal = "article-journal"
    case paperConference = "paper-conference"
    case book
    case chapter
    case report
    case thesis
    case webpage
    /// A preprint or other article outside a journal (CSL `article`).
    case article
    case manuscript
    case dataset
    case software
    case misc = "document"

    /// The CSL type named `name`, or `.misc` for a name this model does not tell apart.
    public init(csl name: String) {
        self = ReferenceType(rawValue: name) ?? (name == "post-weblog" || name == "post" ? .webpage : .misc)
    }
}

/// A person's or organisation's name, split as CSL splits it.
public struct Name: Sendable, Equatable {
    public var family: String?
    public var given: String?
    /// `de` in `de la Fontaine` kept with the family name when sorting (CSL non-dropping particle).
    public var particle: String?
    /// `Jr.`, `III`.
    public var suffix: String?
    /// A name that is not split (`{OpenAI}`, `The World Health Organization`).
    public var literal: String?

    public init(
        family: String? = nil, given: String? = nil, particle: String? = nil, suffix: String? = nil,
        literal: String? = nil
    ) {
        self.family = family
        self.given = given
        self.particle = particle
        self.suffix = suffix
        self.literal = literal
    }

    /// The family name with its particle (`van der Maaten`), or the literal name.
    public var familyWithParticle: String {
        if let literal { return literal }
        return [particle, family].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The key a bibliography sorts by: family name first, particles after (`Maaten, van der`), folded.
    public var sortKey: String {
        let parts = literal.map { [$0] } ?? [family, given, particle].compactMap { $0 }
        return SortFolding.fold(parts.joined(separator: " "))
    }

    /// Given names as initials (`Ashish Kumar` → `A. K.`, `Jean-Paul` → `J.-P.`).
    public var initials: String? {
        guard let given, !given.isEmpty else { return nil }
        return given.split(separator: " ").map { word -> String in
            if word.hasSuffix("."), word.count <= 3 { return String(word) }
            return word.split(separator: "-", omittingEmptySubsequences: true)
                .compactMap { $0.first.map { "\($0)." } }.joined(separator: "-")
        }.joined(separator: " ")
    }
}

/// A date as parts, any of which past the year may be missing (`2017`, `2017-06`, `2017-06-12`).
public struct DateParts: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: DateParts, rhs: DateParts) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}

/// A 1-based line and column in a file.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A problem in a bibliography file: where, and what to do about it.
public struct CitationDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0.line):\($0.column): \(message)" } ?? message
    }
}

/// Case- and accent-insensitive keys for sorting names and titles.
enum SortFolding {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
