import TextUtilities

/// Decodes an entity or numeric character reference at `s[i]` (an `&`): the bytes it stands
/// for and the index after its `;` (``CharacterReferences/decode(_:at:end:)``).
@inline(__always)
func decodeEntity(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> ([UInt8], Int)? {
    CharacterReferences.decode(s, at: i, end: end)
}
