import Testing
@testable import Math
