// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TensorCollective",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "collective", targets: ["CLI"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "Math", targets: ["Math"]),
        .library(name: "Highlight", targets: ["Highlight"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Diagrams", targets: ["Diagrams"]),
        .library(name: "Search", targets: ["Search"]),
        .library(name: "Templating", targets: ["Templating"]),
        .library(name: "Site", targets: ["Site"]),
        .library(name: "DevServer", targets: ["DevServer"]),
        .library(name: "LinkCheck", targets: ["LinkCheck"]),
        .library(name: "GoTemplates", targets: ["GoTemplates"]),
        .library(name: "Citations", targets: ["Citations"]),
        .library(name: "CSL", targets: ["CSL"]),
        .library(name: "Notebooks", targets: ["Notebooks"]),
        .library(name: "TextUtilities", targets: ["TextUtilities"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // HTML escaping, character references, a tag scanner and a parallel map: the text helpers
        // several modules need, kept once and free of dependencies.
        .target(name: "TextUtilities"),
        // The one diagnostic model (file, line, column, severity, message, hint, page) and its renderers.
        .target(name: "Diagnostics", dependencies: ["TextUtilities"]),
        // Pure-Swift engines, depending on nothing but TextUtilities.
        .target(name: "Markdown", dependencies: ["TextUtilities"]),
        .target(name: "Math", dependencies: ["TextUtilities"]),
        .target(name: "Highlight", dependencies: ["TextUtilities"]),
        .target(name: "Search", dependencies: ["TextUtilities"]),
        .target(name: "Templating", dependencies: ["TextUtilities"]),
        // SplitMix64 for the seeded random inputs of tests.
        .target(name: "SeededRandom"),
        .target(name: "GoTemplates", dependencies: ["TextUtilities"]),
        // Text widths and SVG markup shared by the chart and diagram renderers.
        .target(name: "SVGText", dependencies: ["TextUtilities"]),
        .target(name: "Charts", dependencies: ["SVGText", .product(name: "Yams", package: "Yams")]),
        // Mermaid flowcharts and sequence diagrams → accessible SVG.
        .target(name: "Diagrams", dependencies: ["SVGText", "TextUtilities", "Charts"]),
        // Bibliographies (BibTeX, CSL-JSON), Pandoc citation syntax and the built-in citation styles.
        .target(name: "Citations", dependencies: ["CSL", "TextUtilities"]),
        // A CSL 1.0.2 processor: styles, locales, citations and bibliographies from CSL items.
        .target(name: "CSL"),
        // Jupyter notebooks (nbformat 4) read into typed cells and rendered to HTML fragments.
        .target(name: "Notebooks", dependencies: ["TextUtilities"]),
        // The site builder composes the engines.
        .target(
            name: "Site",
            dependencies: [
                "Markdown", "Math", "Highlight", "Charts", "Diagrams", "Search", "Templating", "GoTemplates", "Citations",
                "CSL", "TextUtilities", "Diagnostics", "Notebooks",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // `collective serve`: HTTP, file watching and live reload over the site builder.
        .target(name: "DevServer", dependencies: ["Site", "TextUtilities"]),
        // `collective check`: internal and external links, anchors and images.
        .target(name: "LinkCheck", dependencies: ["Site", "TextUtilities"]),
        // The `collective` command: parses arguments, calls the libraries.
        .executableTarget(
            name: "CLI",
            dependencies: [
                "Site", "DevServer", "LinkCheck", "Markdown", "Math", "Highlight", "Charts", "Diagrams", "TextUtilities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build throughput benchmarks (run by scripts/, never as tests).
        .executableTarget(name: "MarkdownBench", dependencies: ["Markdown"], path: "Benchmarks/MarkdownBench"),
        .executableTarget(name: "MathBench", dependencies: ["Math"], path: "Benchmarks/MathBench"),
        .executableTarget(name: "HighlightBench", dependencies: ["Highlight"], path: "Benchmarks/HighlightBench"),
        .executableTarget(name: "ChartsBench", dependencies: ["Charts"], path: "Benchmarks/ChartsBench"),
        .executableTarget(name: "DiagramsBench", dependencies: ["Diagrams"], path: "Benchmarks/DiagramsBench"),
        .testTarget(name: "TextUtilitiesTests", dependencies: ["TextUtilities"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        // Test data folders are read through #filePath, not bundled as resources.
        .testTarget(name: "MathTests", dependencies: ["Math", "SeededRandom"], exclude: ["Corpus"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "SeededRandom"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "SeededRandom"], exclude: ["Golden"]),
        .testTarget(name: "DiagramsTests", dependencies: ["Diagrams", "SeededRandom"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "SeededRandom"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "CitationsTests", dependencies: ["Citations", "SeededRandom"]),
        .testTarget(name: "CSLTests", dependencies: ["CSL"]),
        .testTarget(name: "NotebooksTests", dependencies: ["Notebooks"]),
        .testTarget(name: "GoTemplatesTests", dependencies: ["GoTemplates", "SeededRandom"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Math", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "SeededRandom"]),
        .testTarget(name: "LinkCheckTests", dependencies: ["LinkCheck"], exclude: ["Fixtures"]),
        // Runs the built `collective` binary as a user would.
        // Yams and TOMLKit read back the host configurations `collective init --deploy` writes.
        .testTarget(
            name: "CLITests",
            dependencies: ["CLI", .product(name: "Yams", package: "Yams"), .product(name: "TOMLKit", package: "TOMLKit")]
        ),
    ]
)
