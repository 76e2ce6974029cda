import Testing
@testable import Charts

@Suite struct NiceTickTests {
    @Test(arguments: [
        (1.0, 5, 0.2), (10.0, 5, 2.0), (7.3, 5, 1.0), (100.0, 4, 20.0), (0.03, 3, 0.01), (2500.0, 5, 500.0),
    ])
    func stepsAreOneTwoOrFiveTimesAPowerOfTen(span: Double, count: Int, step: Double) {
        #expect(abs(NiceTicks.step(span: span, count: count) - step) < step * 1e-9)
    }

    @Test func ticksAreWholeMultiplesInsideTheDomain() {
        #expect(NiceTicks.values(lower: 0, upper: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.values(lower: 0.13, upper: 0.91, count: 4) == [0.2, 0.4, 0.6, 0.8])
        #expect(NiceTicks.values(lower: -3, upper: 7, count: 5) == [-2, 0, 2, 4, 6])
    }

    @Test func floatingPointNoiseIsRemoved() {
        let ticks = NiceTicks.values(lower: 0, upper: 0.9, count: 9)
        #expect(ticks.contains(0.3))
        #expect(ticks.contains(0.7))
    }

    @Test func domainsWidenToWholeSteps() {
        let (lower, upper, step) = NiceTicks.extend(lower: 0.23, upper: 9.6, count: 5)
        #expect(lower == 0)
        #expect(upper == 10)
        #expect(step == 2)
    }

    @Test func logTicksArePowersOfTenWithTwosAndFivesOnShortSpans() {
        #expect(NiceTicks.log(lower: 0.2, upper: 5, count: 5).map(\.value) == [0.2, 0.5, 1, 2, 5])
        #expect(NiceTicks.log(lower: 1, upper: 1e6, count: 6).map(\.label) == ["1", "10", "100", "1k", "10k", "100k", "1M"])
        let wide = NiceTicks.log(lower: 1e-12, upper: 1e12, count: 5)
        #expect(wide.count <= 9)
        #expect(wide.first?.value == 1e-12)
    }

    @Test func logDomainsWidenToOneTwoFive() {
        let (lower, upper) = NiceTicks.extendLog(lower: 0.23, upper: 2.86)
        #expect(lower == 0.2)
        #expect(upper == 5)
    }

    @Test func degenerateDomainsGiveFewTicksAndNoTrap() {
        #expect(NiceTicks.values(lower: 1, upper: 1, count: 5) == [1])
        #expect(NiceTicks.values(lower: .nan, upper: 1, count: 5).isEmpty)
        #expect(NiceTicks.log(lower: -1, upper: 10, count: 5).isEmpty)
        #expect(NiceTicks.step(span: 0, count: 5) == 1)
    }
}

@Suite struct NumberFormatTests {
    @Test func tickLabelsShareDecimals() {
        #expect(NumberFormat.tickLabels([0, 0.5, 1, 1.5]) == ["0.0", "0.5", "1.0", "1.5"])
        #expect(NumberFormat.tickLabels([0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
        #expect(NumberFormat.tickLabels([0, 500, 1000]) == ["0", "500", "1000"])
    }

    @Test func largeAndTinyValuesGetSISuffixes() {
        #expect(NumberFormat.tickLabels([0, 20_000, 40_000]) == ["0", "20k", "40k"])
        #expect(NumberFormat.tickLabels([0, 2_500_000, 5_000_000]) == ["0.0", "2.5M", "5.0M"])
        #expect(NumberFormat.tickLabels([0.0002, 0.0004]) == ["200µ", "400µ"])
        #expect(NumberFormat.value(3.2e9) == "3.2G")
    }

    @Test func negativeNumbersUseTheMinusSign() {
        #expect(NumberFormat.tickLabels([-1, 0, 1]) == ["\u{2212}1", "0", "1"])
        #expect(NumberFormat.value(-0.5) == "\u{2212}0.5")
    }

    @Test func valuesKeepFourSignificantDigits() {
        #expect(NumberFormat.value(0.123456) == "0.1235")
        #expect(NumberFormat.value(1234.5678) == "1235")
        #expect(NumberFormat.value(2) == "2")
        #expect(NumberFormat.value(.nan) == "–")
    }
}

@Suite struct TimeTickTests {
    private func seconds(_ text: String) throws -> Double { try #require(DateValue.parse(text)) }

    @Test func monthsAreLabelledWithTheYearAtTheStartAndInJanuary() throws {
        let ticks = TimeTicks.ticks(lower: try seconds("2023-10-15"), upper: try seconds("2024-04-20"), count: 7)
        #expect(ticks.map(\.label) == ["Nov 2023", "Dec", "Jan 2024", "Feb", "Mar", "Apr"])
    }

    @Test func longSpansTickOnYears() throws {
        let ticks = TimeTicks.ticks(lower: try seconds("2001-06-01"), upper: try seconds("2024-01-01"), count: 6)
        #expect(ticks.map(\.label) == ["2005", "2010", "2015", "2020"])
    }

    @Test func daysAndHours() throws {
        let days = TimeTicks.ticks(lower: try seconds("2024-03-01"), upper: try seconds("2024-03-31"), count: 5)
        #expect(days.first?.label == "Mar 4, 2024")
        #expect(days.count >= 4 && days.count <= 6)
        let hours = TimeTicks.ticks(lower: try seconds("2024-03-01T00:00"), upper: try seconds("2024-03-01T12:00"), count: 4)
        #expect(hours.map(\.label) == ["Mar 1 00:00", "03:00", "06:00", "09:00", "12:00"])
    }
}

@Suite struct DateValueTests {
    @Test func readsISOForms() {
        #expect(DateValue.parse("1970-01-02") == 86_400)
        #expect(DateValue.parse("1970-01-01T01:00:00Z") == 3600)
        #expect(DateValue.parse("1970-01-01T02:00:00+01:00") == 3600)
        #expect(DateValue.parse("1970-01-01 00:00:01.5") == 1.5)
        #expect(DateValue.parse("1970-02") == Double(31 * 86_400))
    }

    @Test func rejectsOtherText() {
        for text in ["2024", "12/03/2024", "2024-13-01", "2024-01-01T25:00", "2024-01-01Tx", "hello world", ""] {
            #expect(DateValue.parse(text) == nil, "\(text)")
        }
    }

    @Test func fieldsRoundTrip() throws {
        let value = try #require(DateValue.parse("2024-02-29T13:45:10Z"))
        #expect(DateValue.fields(value) == DateValue.Fields(year: 2024, month: 2, day: 29, hour: 13, minute: 45, second: 10))
        let early = try #require(DateValue.parse("1969-12-31T23:00"))
        #expect(DateValue.fields(early).year == 1969)
        #expect(DateValue.fields(early).hour == 23)
    }
}

@Suite struct ScaleTests {
    @Test func linearAndLogPositions() {
        let linear = Scale(
            AxisModel.continuous(.linear, dataLower: 0, dataUpper: 10, requested: AxisRange(), tickCount: 5),
            start: 100, end: 200)
        #expect(linear.position(5) == 150)
        let log = Scale(
            AxisModel.continuous(.log, dataLower: 1, dataUpper: 100, requested: AxisRange(), tickCount: 5),
            start: 0, end: 100)
        #expect(abs(log.position(10) - 50) < 1e-9)
        #expect(log.position(0).isNaN)
    }

    @Test func bandsCentreTheirCategories() {
        let band = Scale(.band(["a", "b", "c", "d"]), start: 0, end: 400, padding: 0.2)
        #expect(band.position(0) == 50)
        #expect(band.position(3) == 350)
        #expect(band.bandwidth == 80)
    }

    @Test func requestedRangesWinOverNiceOnes() {
        let model = AxisModel.continuous(
            .linear, dataLower: 0.41, dataUpper: 0.93, requested: AxisRange(lower: 0.4, upper: 1),
            tickCount: 6)
        #expect(model.lower == 0.4)
        #expect(model.upper == 1)
        #expect(model.ticks.first?.value == 0.4)
    }

    @Test func ticksUseTheStepThatWidenedTheDomain() {
        let model = AxisModel.continuous(.linear, dataLower: 0.14, dataUpper: 0.31, requested: AxisRange(), tickCount: 6)
        let values = model.ticks.map(\.value)
        #expect(values.first == model.lower)
        #expect(values.last == model.upper)
    }

    @Test func marginsKeepMarksOffTheFrame() {
        let model = AxisModel.continuous(
            .linear, dataLower: 0.14, dataUpper: 0.31, requested: AxisRange(), tickCount: 6,
            margin: 0.04)
        #expect(model.lower < 0.14)
        #expect(model.upper > 0.31)
    }

    @Test func countAxesTickOnWholeNumbers() {
        let model = AxisModel.continuous(
            .linear, dataLower: 0, dataUpper: 3, requested: AxisRange(), tickCount: 8,
            includeZero: true, integer: true)
        #expect(model.ticks.map(\.value) == [0, 1, 2, 3])
        let ranged = AxisModel.continuous(
            .linear, dataLower: 0, dataUpper: 2, requested: AxisRange(lower: 0, upper: 2),
            tickCount: 8, integer: true)
        #expect(ranged.ticks.map(\.label) == ["0", "1", "2"])
    }

    @Test func zeroIsIncludedForBarsAndAreas() {
        let model = AxisModel.continuous(
            .linear, dataLower: 40, dataUpper: 90, requested: AxisRange(), tickCount: 5,
            includeZero: true)
        #expect(model.lower == 0)
        #expect(model.upper == 100)
    }
}
