extension StringProtocol {
    /// The text without the run of `character` at its end (`"a\n\n"` → `"a"`), without copying it.
    public func dropping(trailing character: Character) -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
        return self[startIndex..<end]
    }
}
