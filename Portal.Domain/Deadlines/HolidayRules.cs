namespace Portal.Domain.Deadlines;

/// <summary>
/// Pure: Vietnam's public holidays of a year as the Labour Code 2019 (Art. 112) sets them: 1/1; Tết Nguyên Đán
/// (the last day of the lunar year and the first four of the new one); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5;
/// 2/9 with the day before. A holiday falling on a weekend gives a compensatory day off on the next working day.
/// Each year the government may move days off; operators record that on the admin page.
/// </summary>
public static class HolidayRules
{
    public const string Tet = "Tết Nguyên Đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";

    public static IReadOnlyList<CalendarDay> ForYear(int year)
    {
        var days = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch", HolidayKind.PublicHoliday),
        };
        var tet = LunarCalendar.LunarNewYear(year);
        for (var d = -1; d <= 3; d++) days.Add(new(tet.AddDays(d), Tet, HolidayKind.PublicHoliday));
        days.Add(new(LunarCalendar.ToSolar(10, 3, year)!.Value, HungKings, HolidayKind.PublicHoliday));
        days.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng", HolidayKind.PublicHoliday));
        days.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động", HolidayKind.PublicHoliday));
        days.Add(new(new DateOnly(year, 9, 1), "Quốc khánh", HolidayKind.PublicHoliday));
        days.Add(new(new DateOnly(year, 9, 2), "Quốc khánh", HolidayKind.PublicHoliday));

        var taken = days.Select(d => d.Date).ToHashSet();
        var compensatory = new List<CalendarDay>();
        foreach (var day in days.Where(d => IsWeekend(d.Date)).OrderBy(d => d.Date))
        {
            var next = day.Date.AddDays(1);
            while (IsWeekend(next) || taken.Contains(next)) next = next.AddDays(1);
            taken.Add(next);
            compensatory.Add(new(next, $"Nghỉ bù {day.Name}", HolidayKind.CompensatoryDayOff));
        }
        return days.Concat(compensatory).OrderBy(d => d.Date).ToList();
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
