import Testing
@testable import Diagrams

/// Class diagrams, read into the flowchart model: class boxes with compartments, UML link ends,
/// cardinalities, namespaces and notes.
@Suite struct ClassParserTests {
    func parse(_ body: String) throws -> Flowchart {
        var parser = ClassParser()
        return try parser.parse(DiagramSource("classDiagram\n" + body))
    }

    func lines(_ label: Label) -> [String] { label.lines.map { $0.map(\.text).joined() } }

    @Test func classesWithMembersMethodsAndVisibility() throws {
        let chart = try parse(
            """
            class BankAccount{
                <<interface>>
                +String owner
                -BigDecimal balance$
                +deposit(amount) bool
                +withdrawal(amount)* int
            }
            BankAccount : #audit() void
            """)
        let node = try #require(chart.nodes.first { $0.id == "BankAccount" })
        #expect(lines(node.label) == ["«interface»", "BankAccount"])
        #expect(node.label.lines[1].allSatisfy { $0.bold })
        let compartments = try #require(node.compartments)
        #expect(compartments[0].map { lines($0)[0] } == ["+String owner", "-BigDecimal balance"])
        #expect(compartments[0][1].lines[0][0].underline)
        #expect(compartments[1].map { lines($0)[0] } == ["+deposit(amount) : bool", "+withdrawal(amount) : int", "#audit() : void"])
        #expect(compartments[1][1].lines[0][0].italic)
        #expect(chart.kind == .classDiagram)
    }

    @Test func genericsBecomeAngleBrackets() throws {
        let chart = try parse("class Square~Shape~{\n  List~int~ position\n  getDistanceMatrix() List~List~int~~\n}\nSquare : ~int count")
        let node = try #require(chart.nodes.first { $0.id == "Square" })
        #expect(lines(node.label) == ["Square<Shape>"])
        #expect(node.compartments?[0].map { lines($0)[0] } == ["List<int> position", "~int count"])
        #expect(node.compartments?[1].map { lines($0)[0] } == ["getDistanceMatrix() : List<List<int>>"])
    }

    @Test func relationsCarryTheirUMLEnds() throws {
        let chart = try parse(
            """
            A <|-- B
            C *-- D
            E o-- F
            G --> H
            I -- J
            K ..> L
            M ..|> N
            O .. P
            Q --|> R : extends
            S ()-- T
            U <|--|> V
            """)
        let ends = chart.edges.map { "\($0.from) \($0.startMark) \($0.line) \($0.endMark) \($0.to)" }
        #expect(
            ends == [
                "A triangle solid none B", "C filledDiamond solid none D", "E diamond solid none F", "G none solid arrow H",
                "I none solid none J", "K none dotted arrow L", "M none dotted triangle N", "O none dotted none P",
                "Q none solid triangle R", "S lollipop solid none T", "U triangle solid triangle V",
            ])
        #expect(chart.edges[8].label.plain == "extends")
        let description = FlowchartDescription.describe(chart)
        #expect(description.contains("B inherits from A."))
        #expect(description.contains("C is composed of D."))
        #expect(description.contains("E aggregates F."))
        #expect(description.contains("K depends on L."))
        #expect(description.contains("M implements N."))
        #expect(description.contains("Q inherits from R, labelled “extends”."))
        #expect(description.contains("T provides the interface S."))
    }

    @Test func cardinalitiesAndLabels() throws {
        let chart = try parse("Customer \"1\" --> \"*\" Ticket\nGalaxy --> \"many\" Star : Contains\nStudent \"1\" --o \"1..*\" Course")
        #expect(
            chart.edges.map { "\($0.from)[\($0.startLabel)]-[\($0.endLabel)]\($0.to):\($0.label.plain)" }
                == ["Customer[1]-[*]Ticket:", "Galaxy[]-[many]Star:Contains", "Student[1]-[1..*]Course:"])
        #expect(FlowchartDescription.describe(chart).contains("Course aggregates Student (Student “1”, Course “1..*”)."))
    }

    @Test func namespacesNotesLinksAndStyles() throws {
        var parser = ClassParser()
        let chart = try parser.parse(
            DiagramSource(
                """
                classDiagram
                direction LR
                namespace Shapes["Basic shapes"] {
                    class Triangle
                    class Rectangle:::wide
                }
                note for Triangle "three sides"
                note "free"
                link Triangle "https://example.com/tri" "Triangles"
                callback Rectangle "fn"
                style Triangle fill:#f9f
                cssClass "Triangle,Rectangle" marked
                classDef wide stroke-width:3px
                class `Odd Name!`
                """))
        #expect(chart.direction == .leftToRight)
        #expect(chart.subgraphs.map(\.id) == ["Shapes"])
        #expect(chart.subgraphs[0].title.plain == "Basic shapes")
        #expect(chart.nodes.filter { $0.parent == 0 }.map(\.id) == ["Triangle", "Rectangle"])
        let notes = chart.nodes.filter { $0.compartments == nil }
        #expect(notes.map(\.label.plain) == ["three sides", "free"])
        #expect(chart.edges.map { "\($0.from)>\($0.to)" } == ["note-1>Triangle"])
        let description = FlowchartDescription.describe(chart)
        #expect(description.hasPrefix("Class diagram, left to right, with 3 classes and 1 link."))
        #expect(description.contains("Note “three sides” is attached to Triangle."))
        #expect(description.contains("Note: “free”."))
        #expect(description.contains("Unlinked: Rectangle, Odd Name!."))
        let triangle = try #require(chart.nodes.first { $0.id == "Triangle" })
        #expect(triangle.link == "https://example.com/tri")
        #expect(triangle.tooltip == "Triangles")
        #expect(triangle.style.value("fill") == "#f9f")
        #expect(triangle.classes == ["marked"])
        #expect(chart.nodes.first { $0.id == "Rectangle" }?.classes == ["wide", "marked"])
        #expect(chart.nodes.contains { $0.id == "Odd Name!" })
        #expect(parser.warnings.map(\.line) == [10])
    }

    @Test func inheritanceTrianglesStandApart() throws {
        var parser = ClassParser()
        let chart = try parser.parse(DiagramSource("classDiagram\nAnimal <|-- Duck\nAnimal <|-- Fish\nAnimal <|-- Zebra\nAnimal : +int age"))
        var layout = FlowchartLayout(chart: chart)
        let geometry = layout.layout()
        // Where the three links meet Animal: far enough apart that their 16-unit triangles do not touch.
        let animal = geometry.nodes[chart.nodeIndex["Animal"]!]
        let ends = geometry.edges.map { placed -> Double in
            let points = placed.path.sampled(stepsPerCurve: 24)
            let end = [points.first!, points.last!].min { abs($0.y - animal.maxY) < abs($1.y - animal.maxY) }!
            #expect(abs(end.y - animal.maxY) < 1, "the link meets Animal's bottom side")
            return end.x
        }.sorted()
        #expect(ends.count == 3)
        #expect(zip(ends, ends.dropFirst()).allSatisfy { $1 - $0 >= 30 }, "\(ends)")
        #expect(LayoutInvariantTests.problems(chart, geometry).isEmpty)
    }

    @Test func errorsHavePositions() {
        func error(_ body: String) -> String {
            do {
                _ = try parse(body)
                return "no error"
            } catch let diagnostic as DiagramDiagnostic { return diagnostic.description } catch { return "other" }
        }
        #expect(error("class A {\n  +x") == "2:1: class `A` opens `{` with no closing `}`")
        #expect(error("namespace N {\n  class A") == "2:1: namespace `N` has no closing `}`")
        #expect(error("A <|-- ") == "2:3: a relation needs a class on each side: `A <|-- B`")
        #expect(error("note for A") == "2:1: a note needs its text in quotes: `note for Class \"text\"`")
        #expect(error("this is not it") == "2:1: `this is not it` is not a class, member or relation; write `A <|-- B`, `A : +member` or `class A`")
    }

    @Test func rendersAccessibleSVGWithClassBoxesAndMarkers() throws {
        let result = DiagramRenderer().render(
            "classDiagram\nAnimal <|-- Duck\nAnimal : +int age\nAnimal : +isMammal()\nA \"1\" *-- \"*\" Duck", id: "cd")
        let svg = try #require(result.svg)
        #expect(result.kind == .classDiagram)
        #expect(result.diagnostics.isEmpty)
        #expect(RendererTests.isWellFormed(svg))
        #expect(svg.contains("<title id=\"cd-title\">Class diagram</title>"))
        #expect(svg.contains("Class diagram, top to bottom, with 3 classes and 2 links. Duck inherits from Animal."))
        #expect(svg.contains("marker-start=\"url(#cd-triangle)\""))
        #expect(svg.contains("marker-start=\"url(#cd-filled-diamond)\""))
        #expect(svg.contains(">+int age</tspan>"))
        #expect(svg.contains("text-anchor=\"start\""))
        #expect(svg.contains("class=\"diagram-end-label\"") && svg.contains(">*</text>"))
    }
}
