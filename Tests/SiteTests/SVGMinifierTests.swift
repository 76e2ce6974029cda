import Testing
@testable import Site

/// `minify` of an SVG asset, against Hugo 0.168's output for the same files.
@Suite struct SVGMinifierTests {
    @Test func aBadgeIsMinifiedAsHugoMinifiesIt() {
        // LoveIt's version badge after its template ran, and Hugo's minified file.
        let badge = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1048 200">
                <g shape-rendering="crispEdges"><path fill="#403c3d" d="M0 0h648v200H0z"/>
                    <path fill="#81bd65" d="M648 0h400v200H648z"/>
                </g>
                <g fill="#fff" text-anchor="middle" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="110">
                    <text x="334" y="140" textLength="548">CHANGED</text>
                    <text x="838" y="140" textLength="300">0.2.0</text>
                </g>
            </svg>
            """
        #expect(
            SVGMinifier.minified(badge) == """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1048 200"><g shape-rendering="crispEdges"><path fill="#403c3d" d="M0 0h648v2e2H0z"/><path fill="#81bd65" d="M648 0h4e2v2e2H648z"/></g><g fill="#fff" text-anchor="middle" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="110"><text x="334" y="140" textLength="548">CHANGED</text><text x="838" y="140" textLength="300">0.2.0</text></g></svg>
                """)
    }

    @Test func numbersColoursTextAndDeclarations() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 200.50" width="100px" height="0.50">
                <g shape-rendering="crispEdges"   fill="none">
                    <path fill="#ffffff" d="M 0 0 L 100 200 h 1200 v 120 H 0.5 V -0.25 l -1.50 -2 c 1 2 3 4 5 6 Z"/>
                    <path d="M10,10 20,20 30 30z m 5 5 a 10 10 0 0 1 20 20"/>
                    <rect x="0.0" y="10.0" width="300" height="1e3" rx="2.000" />
                    <circle cx="05" cy="-0.0" r="1000000"/>
                    <polygon points="0,0 100,0 100,100" stroke-width="2.0"/>
                </g>
                <text x="  10 " y="140">  Hello   world  </text>
                <text x="10" y="140"> <tspan>a</tspan> b </text>
                <text>
                  multi
                  line
                </text>
            </svg>
            """
        #expect(
            SVGMinifier.minified(svg) == """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e3 200.5" width="100" height=".5"><g shape-rendering="crispEdges" fill="none"><path fill="#fff" d="M0 0 1e2 2e2h12e2v120H.5V-.25l-1.5-2c1 2 3 4 5 6z"/><path d="M10 10 20 20 30 30zm5 5a10 10 0 0120 20"/><rect x="0" y="10" width="300" height="1e3" rx="2"/><circle cx="5" cy="0" r="1e6"/><polygon points="0,0 100,0 100,100" stroke-width="2"/></g><text x="10" y="140">Hello world</text><text x="10" y="140"><tspan>a</tspan>b</text><text>multi
                line</text></svg>
                """)
    }

    @Test func numbersInAttributesAndPaths() {
        #expect(SVGMinifier.number("1200", inPath: false) == "1200")
        #expect(SVGMinifier.number("1200", inPath: true) == "12e2")
        #expect(SVGMinifier.number("0.001", inPath: true) == ".001")
        #expect(SVGMinifier.number("0.00015", inPath: true) == "15e-5")
        #expect(SVGMinifier.minifiedPath("M 0.5 0.5 L 0.001 1000 M 3 3 m 1 1 l 2 2 L 4 4 L 5 5") == "M.5.5.001 1e3M3 3m1 1 2 2L4 4 5 5")
    }
}
