/// Counted nouns for messages.
public enum Plural {
    /// "1 page", "2 pages", "0 pages"; `plural` for nouns that do not just take an "s".
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
