import Foundation
import Testing
@testable import Charts

@Suite struct DataTableTests {
    @Test func csvHandlesQuotesCRLFAndABOM() throws {
        let table = try CSVParser.parse("\u{FEFF}name,\"note, with comma\"\r\n\"a \"\"b\"\"\",\"line\nbreak\"\r\nc,d\r\n", separator: 0x2C)
        #expect(table.columns.map(\.name) == ["name", "note, with comma"])
        #expect(table.columns[0].text == ["a \"b\"", "c"])
        #expect(table.columns[1].text == ["line\nbreak", "d"])
    }

    @Test func shortRowsArePaddedAndLongRowsRefused() throws {
        let table = try CSVParser.parse("a,b,c\n1,2\n", separator: 0x2C)
        #expect(table.columns[2].text == [""])
        #expect(throws: ChartError.self) { try CSVParser.parse("a,b\n1,2,3\n", separator: 0x2C) }
        #expect(throws: ChartError.self) { try CSVParser.parse("a,b\n\"open\n", separator: 0x2C) }
        #expect(throws: ChartError.self) { try CSVParser.parse("a,b\n", separator: 0x2C) }
    }

    @Test func separatorsAreGuessedFromTheHeader() {
        #expect(CSVParser.guessSeparator("a\tb\n1,5\t2") == 0x09)
        #expect(CSVParser.guessSeparator("a;b\n1,5;2") == 0x3B)
        #expect(CSVParser.guessSeparator("a,b\n1;2") == 0x2C)
    }

    @Test func columnsAreTypedFromAllTheirCells() {
        #expect(Column(name: "n", cells: ["1", "2.5", "", "NA", "-3e2"]).kind == .number)
        #expect(Column(name: "d", cells: ["2024-01-01", "2024-02-01", ""]).kind == .date)
        #expect(Column(name: "t", cells: ["1", "two"]).kind == .text)
        #expect(Column(name: "h", cells: ["0x10", "inf"]).kind == .text)
        let numbers = Column(name: "n", cells: ["1", "", "3"]).numbers
        #expect(numbers[0] == 1 && numbers[1].isNaN && numbers[2] == 3)
    }

    @Test(arguments: ["0.1", "-12.345", "1e5", "1.5E-3", "+7", " 42 ", "123456789012345678", "0.30000000000000004", ".5", "5."])
    func numbersMatchTheStandardLibrary(text: String) {
        #expect(Column.number(text) == Double(text.trimmingCharacters(in: .whitespaces)))
    }

    @Test(arguments: ["", "-", ".", "-.", "1.2.3", "1-2", "inf", "nan", "0x1p3", "1,5", "e5"])
    func nonNumbersAreRejected(text: String) {
        #expect(Column.number(text) == nil)
    }

    @Test func filesLoadRelativeToTheBundle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x\ty\n1\t2\n3\t4\n".utf8).write(to: folder.appendingPathComponent("d.tsv"))
        try Data(#"[{"x": 1, "y": 2.5}, {"x": 2, "y": null}]"#.utf8).write(to: folder.appendingPathComponent("rows.json"))
        try Data(#"{"x": [1, 2, 3], "y": ["a", "b", "c"]}"#.utf8).write(to: folder.appendingPathComponent("cols.json"))

        let tsv = try DataLoader.load(.file("d.tsv"), baseDirectory: folder, line: 4)
        #expect(tsv.column(named: "y")?.numbers == [2, 4])
        let rows = try DataLoader.load(.file("rows.json"), baseDirectory: folder, line: 4)
        #expect(rows.column(named: "y")?.numbers.first == 2.5)
        #expect(rows.column(named: "y")?.numbers.last?.isNaN == true)
        let columns = try DataLoader.load(.file("cols.json"), baseDirectory: folder, line: 4)
        #expect(columns.column(named: "Y")?.kind == .text)

        do {
            _ = try DataLoader.load(.file("missing.csv"), baseDirectory: folder, line: 4)
            Issue.record("a missing file must fail")
        } catch let error as ChartError {
            #expect(error.line == 4)
            #expect(error.message.contains("missing.csv"))
        }
    }

    @Test func missingColumnsNameTheAlternatives() {
        let table = DataTable(names: ["epoch", "loss"], cells: [["1"], ["0.5"]])
        do {
            _ = try table.require(FieldRef(name: "acc", line: 7), role: "y")
            Issue.record("expected an error")
        } catch let error as ChartError {
            #expect(error.line == 7)
            #expect(error.message == "no column `acc` for y; the data has `epoch`, `loss`")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct DecimationTests {
    @Test func keepsTheExtremesOfEveryColumn() {
        let xs = (0..<1000).map { Double($0) / 100 }  // ten points per unit column
        var ys = xs.map { _ in 5.0 }
        ys[123] = -40
        ys[877] = 90
        let kept = Decimation.minMax(positionsX: xs, positionsY: ys)
        #expect(kept.count <= 40)
        #expect(kept.contains(123))
        #expect(kept.contains(877))
        #expect(kept.first == 0)
        #expect(kept.last == 999)
        #expect(kept == kept.sorted())
    }

    @Test func gapsSurvive() {
        let kept = Decimation.minMax(positionsX: [0, 0.5, .nan, 2, 2.5], positionsY: [1, 2, 3, 4, 5])
        #expect(kept == [0, 1, -1, 3, 4])
    }

    @Test func gridCountsPointsPerCell() {
        var grid = Decimation.Grid(frame: Rect(x: 0, y: 0, width: 10, height: 10), cell: 5)
        grid.add(x: 1, y: 1)
        grid.add(x: 2, y: 2)
        grid.add(x: 7, y: 7)
        grid.add(x: 70, y: 7)
        #expect(grid.counts == [2, 0, 0, 1])
    }
}
