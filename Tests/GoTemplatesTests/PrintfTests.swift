import GoTemplates
import Testing

@Suite struct PrintfTests {
    func printf(_ format: String, _ args: GoValue...) throws -> String {
        try builtin(
            #"{{printf .F "# + (0..<args.count).map { "(index .A \($0))" }.joined(separator: " ") + "}}", ["F": .string(format), "A": .array(args)])
    }

    @Test func strings() throws {
        #expect(try printf("%s!", "hi") == "hi!")
        #expect(try printf("%v", "hi") == "hi")
        #expect(try printf("%q", "say \"hi\"\n") == #""say \"hi\"\n""#)
        #expect(try printf("%10s|", "right") == "     right|")
        #expect(try printf("%-10s|", "left") == "left      |")
        #expect(try printf("%.3s", "truncate") == "tru")
        #expect(try printf("%x", "hi") == "6869")
        #expect(try printf("%X", "hi") == "6869")
        #expect(try printf("%s", .safe("<b>", .html)) == "<b>")
    }

    @Test func integers() throws {
        #expect(try printf("%d", 42) == "42")
        #expect(try printf("%5d|", 42) == "   42|")
        #expect(try printf("%-5d|", 42) == "42   |")
        #expect(try printf("%05d", 42) == "00042")
        #expect(try printf("%05d", -42) == "-0042")
        #expect(try printf("%+d", 5) == "+5")
        #expect(try printf("%x %X %o %b", 255, 255, 8, 5) == "ff FF 10 101")
        #expect(try printf("%#x", 255) == "0xff")
        #expect(try printf("%c", 65) == "A")
        #expect(try printf("%q", 97) == "'a'")
        #expect(try printf("%U", 0x1F600) == "U+1F600")
        #expect(try printf("%v", 7) == "7")
        #expect(try printf("%03d:%02d", 7, 5) == "007:05")
    }

    @Test func floats() throws {
        #expect(try printf("%f", 3.14159) == "3.141590")
        #expect(try printf("%.2f", 3.14159) == "3.14")
        #expect(try printf("%.0f", 2.5) == "2")
        #expect(try printf("%8.3f|", 3.14159) == "   3.142|")
        #expect(try printf("%-8.2f|", 3.14159) == "3.14    |")
        #expect(try printf("%e", 1234.5678) == "1.234568e+03")
        #expect(try printf("%g", 1234.5678) == "1234.5678")
        #expect(try printf("%v", 0.1) == "0.1")
        #expect(try printf("%v", 1e6) == "1e+06")
        #expect(try printf("%v", 123456.0) == "123456")
        #expect(try printf("%v", 1e-5) == "1e-05")
        #expect(try printf("%v", 100.0) == "100")
        #expect(try printf("%.1f%%", 99.44) == "99.4%")
        #expect(try printf("%+.1f", 2.0) == "+2.0")
    }

    @Test func otherVerbs() throws {
        #expect(try printf("%t %t", true, false) == "true false")
        #expect(try printf("%T %T %T %T", 1, 1.5, "s", true) == "int float64 string bool")
        #expect(try printf("%v", [1, 2]) == "[1 2]")
        #expect(try printf("%v", ["k": "v"]) == "map[k:v]")
        #expect(try printf("%s", ["a", "b"]) == "[a b]")
        #expect(try printf("%d", [1, 2]) == "[1 2]")
        #expect(try printf("100%%") == "100%")
        #expect(try printf("%[2]s %[1]s", "a", "b") == "b a")
        #expect(try printf("%*d", 4, 7) == "   7")
    }

    @Test func wrongArguments() throws {
        #expect(try printf("%d", "x") == "%!d(string=x)")
        #expect(try printf("%s", 5) == "%!s(int=5)")
        #expect(try printf("%f", 5) == "%!f(int=5)")
        #expect(try printf("%d") == "%!d(MISSING)")
        #expect(try printf("%d", 1, 2) == "1%!(EXTRA int=2)")
        #expect(try printf("%z", 1) == "%!z(int=1)")
        #expect(try printf("%", 1) == "%!(NOVERB)%!(EXTRA int=1)")
        #expect(try printf("%s", .null) == "%!s(<nil>)")
    }
}
