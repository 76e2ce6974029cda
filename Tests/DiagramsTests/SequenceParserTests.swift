import Testing
@testable import Diagrams

/// The sequence diagram syntax, one feature at a time.
@Suite struct SequenceParserTests {
    func parse(_ body: String) throws -> SequenceDiagram {
        var parser = SequenceParser()
        return try parser.parse(DiagramSource("sequenceDiagram\n" + body))
    }

    func messages(_ diagram: SequenceDiagram) -> [(Int, Int, String, MessageArrow, Int?)] {
        diagram.events.compactMap {
            if case .message(let from, let to, let text, let arrow, let number, _, _, _) = $0 { return (from, to, text.plain, arrow, number) }
            return nil
        }
    }

    @Test func participantsActorsAndAliases() throws {
        let diagram = try parse("participant A as Alice Smith\nactor B as Bob\nC->>A: hi\nparticipant D")
        #expect(diagram.participants.map(\.id) == ["A", "B", "C", "D"])
        #expect(diagram.participants.map(\.label.plain) == ["Alice Smith", "Bob", "C", "D"])
        #expect(diagram.participants.map(\.isActor) == [false, true, false, false])
    }

    @Test func everyArrow() throws {
        let arrows = ["->", "-->", "->>", "-->>", "<<->>", "<<-->>", "-x", "--x", "-)", "--)"]
        let diagram = try parse(arrows.map { "A\($0)B: m" }.joined(separator: "\n"))
        let parsed = messages(diagram).map(\.3)
        #expect(
            parsed == [
                MessageArrow(dotted: false, head: .none), MessageArrow(dotted: true, head: .none),
                MessageArrow(dotted: false, head: .filled), MessageArrow(dotted: true, head: .filled),
                MessageArrow(dotted: false, head: .filled, bidirectional: true), MessageArrow(dotted: true, head: .filled, bidirectional: true),
                MessageArrow(dotted: false, head: .cross), MessageArrow(dotted: true, head: .cross),
                MessageArrow(dotted: false, head: .open), MessageArrow(dotted: true, head: .open),
            ])
        #expect(messages(diagram).allSatisfy { $0.0 == 0 && $0.1 == 1 && $0.2 == "m" })
    }

    @Test func activations() throws {
        let diagram = try parse("A->>+B: start\nB-->>-A: done\nactivate A\ndeactivate A")
        guard case .message(_, _, _, _, _, let activate, let deactivate, _) = diagram.events[0] else {
            Issue.record("not a message")
            return
        }
        #expect(activate && !deactivate)
        guard case .message(_, _, _, _, _, let activate2, let deactivate2, _) = diagram.events[1] else {
            Issue.record("not a message")
            return
        }
        #expect(!activate2 && deactivate2)
        guard case .activate(0) = diagram.events[2], case .deactivate(0) = diagram.events[3] else {
            Issue.record("activate/deactivate not read")
            return
        }
    }

    @Test func notes() throws {
        let diagram = try parse("Note left of A: one\nNote right of B: two\nNote over A,B: three\nnote over A: four")
        let notes = diagram.events.compactMap { event -> (NotePlacement, [Int], String)? in
            if case .note(let participants, let placement, let text) = event { return (placement, participants, text.plain) }
            return nil
        }
        #expect(notes.map(\.0) == [.leftOf, .rightOf, .over, .over])
        #expect(notes.map(\.1) == [[0], [1], [0, 1], [0]])
        #expect(notes.map(\.2) == ["one", "two", "three", "four"])
    }

    @Test func blocks() throws {
        let diagram = try parse(
            """
            loop Every minute
              A->>B: ping
            end
            alt ok
              A->>B: yes
            else failed
              A->>B: no
            end
            opt maybe
            end
            par first
            and second
            end
            critical connect
            option timeout
            end
            break stop
            end
            rect rgb(200, 220, 255)
            end
            """)
        let kinds = diagram.events.compactMap { event -> String? in
            switch event {
            case .blockStart(let kind, let label, _): return kind.rawValue + ":" + label.plain
            case .blockSection(let label): return "|" + label.plain
            case .blockEnd: return "end"
            default: return nil
            }
        }
        #expect(
            kinds == [
                "loop:Every minute", "end", "alt:ok", "|failed", "end", "opt:maybe", "end", "par:first", "|second", "end",
                "critical:connect", "|timeout", "end", "break:stop", "end", "rect:", "end",
            ])
    }

    @Test func autonumber() throws {
        let diagram = try parse("A->>B: a\nautonumber\nA->>B: b\nB->>A: c\nautonumber 10 5\nA->>B: d\nA->>B: e\nautonumber off\nA->>B: f")
        #expect(messages(diagram).map(\.4) == [nil, 1, 2, 10, 15, nil])
    }

    @Test func titleAndBoxes() throws {
        let diagram = try parse("title: Login\nbox Aqua Front end\nparticipant A\nend\nA->>B: x")
        #expect(diagram.title == "Login")
        #expect(diagram.groups.map(\.label.plain) == ["Front end"])
        #expect(diagram.groups.map(\.color) == ["Aqua"])
        #expect(diagram.participants.map(\.group) == [0, nil])
    }

    @Test func errors() throws {
        func error(_ body: String) -> String {
            do {
                _ = try parse(body)
                return "no error"
            } catch let diagnostic as DiagramDiagnostic { return diagnostic.description } catch { return "other" }
        }
        #expect(error("else nope") == "2:1: `else` outside an `alt` block")
        #expect(error("loop x\nA->>B: y") == "2:1: `loop` has no `end`")
        #expect(
            error("  hello there")
                == "2:3: `hello there` is not a sequence statement; expected a message like `A->>B: text`, a note, a participant or a block")
        #expect(error("Note above A: x") == "2:6: a note goes `left of`, `right of` or `over` a participant")
    }
}
