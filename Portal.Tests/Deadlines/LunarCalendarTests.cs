using Portal.Domain.Deadlines;

namespace Portal.Tests.Deadlines;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void ShouldPlaceTetOnItsKnownDate(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.LunarNewYear(year));

    [Theory]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2028, "2028-04-04")]
    public void ShouldPlaceHungKingsDayOnItsKnownDate(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(10, 3, year));

    [Fact]
    public void ShouldSeedTetAsTheLastDayOfTheYearAndTheFirstFourOfTheNext()
    {
        var tet = HolidayRules.ForYear(2026).Where(d => d.Name == HolidayRules.Tet).Select(d => d.Date);

        Assert.Equal([new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20)], tet);
    }

    [Fact]
    public void ShouldGiveACompensatoryDayWhenAHolidayFallsOnAWeekend()
    {
        // 30/4/2028 is a Sunday and 1/5 a Monday holiday: the day off moves to Tuesday 2/5.
        var days = HolidayRules.ForYear(2028);

        Assert.Contains(days, d => d.Date == new DateOnly(2028, 5, 2) && d.Kind == HolidayKind.CompensatoryDayOff);
    }
}
