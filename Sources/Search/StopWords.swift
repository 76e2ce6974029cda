/// Very common English words left out of the index: they match nearly every page, so they only
/// cost bytes. A query word that matches nothing is ignored by the browser script.
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into", "is",
        "it", "its", "of", "on", "or", "so", "than", "that", "the", "their", "then", "there", "these",
        "this", "to", "was", "were", "will", "with",
    ]
    /// The length of the longest stop word, in bytes: longer words need no look-up.
    static let longest = english.map(\.utf8.count).max() ?? 0
}
