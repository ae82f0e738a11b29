using System.Globalization;

namespace Portal.Domain.Deadlines;

public enum DayCounting
{
    CalendarDays = 1,
    WorkingDays = 2,
}

/// <summary>A holiday period the count stepped over, widened to the weekend days that touch it (as people say
/// "Tết 14/02–22/02/2026").</summary>
public sealed record SkippedPeriod(string Name, DateOnly From, DateOnly To);

public sealed record DeadlineResult(DateOnly StartDate, DateOnly DueDate, DateTimeOffset Due, IReadOnlyList<SkippedPeriod> Skipped,
    bool MovedOffRestDay, string ExplanationVi, string ExplanationEn)
{
    public string Explanation(string language) => language == "en" ? ExplanationEn : ExplanationVi;
}

/// <summary>
/// Pure: turns a start instant and a length into a due instant (the end of the last day in Asia/Ho_Chi_Minh) with an
/// explanation a resident can read. Counting starts the day after receipt. Working days skip Saturdays, Sundays,
/// holidays and compensatory days off, and count working Saturdays. A calendar-day period whose last day is a rest
/// day ends on the next working day (Civil Code 2015 Art. 148).
/// </summary>
public sealed class DeadlineCalculator
{
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly Dictionary<DateOnly, CalendarDay> _days;

    public DeadlineCalculator(IEnumerable<CalendarDay> calendar)
    {
        _days = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in calendar) _days[day.Date] = day;
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var special))
            return special.Kind == HolidayKind.WorkingSaturday;
        return !HolidayRules.IsWeekend(date);
    }

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="date"/>.</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int days)
    {
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="date"/>.</summary>
    public DateOnly WorkingDaysAfter(DateOnly date, int days)
    {
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>07:00 in Vietnam on that date: when the day's reminders and escalations go out.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(7, 0));
        return new DateTimeOffset(local, VietnamTime.GetUtcOffset(local)).ToUniversalTime();
    }

    public DeadlineResult Compute(DateTimeOffset start, int length, DayCounting counting)
    {
        if (length <= 0) throw new DomainRuleException("deadline.length.not-positive", length);
        if (length > 3660) throw new DomainRuleException("deadline.length.too-long", length);
        var startDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, VietnamTime).DateTime);
        DateOnly due;
        var moved = false;
        if (counting == DayCounting.WorkingDays)
        {
            due = startDate;
            for (var counted = 0; counted < length;)
            {
                due = due.AddDays(1);
                if (IsWorkingDay(due)) counted++;
            }
        }
        else
        {
            due = startDate.AddDays(length);
            while (!IsWorkingDay(due))
            {
                due = due.AddDays(1);
                moved = true;
            }
        }
        // Calendar days count holidays too: only the working-day count "does not count" any.
        var skipped = counting == DayCounting.WorkingDays ? SkippedBetween(startDate.AddDays(1), due) : [];
        var endOfDay = due.ToDateTime(new TimeOnly(23, 59, 59));
        var dueInstant = new DateTimeOffset(endOfDay, VietnamTime.GetUtcOffset(endOfDay)).ToUniversalTime();
        return new DeadlineResult(startDate, due, dueInstant, skipped, moved,
            Explain(startDate, due, length, counting, skipped, moved, vietnamese: true),
            Explain(startDate, due, length, counting, skipped, moved, vietnamese: false));
    }

    private List<SkippedPeriod> SkippedBetween(DateOnly from, DateOnly to)
    {
        var periods = new List<SkippedPeriod>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!_days.TryGetValue(day, out var holiday) || holiday.Kind == HolidayKind.WorkingSaturday) continue;
            var first = day;
            while (!IsWorkingDay(first.AddDays(-1))) first = first.AddDays(-1);
            var last = day;
            while (!IsWorkingDay(last.AddDays(1))) last = last.AddDays(1);
            var name = _days.Where(d => d.Key >= first && d.Key <= last && d.Value.Kind == HolidayKind.PublicHoliday)
                .Select(d => d.Value.Name).FirstOrDefault() ?? holiday.Name;
            periods.Add(new SkippedPeriod(name, first, last));
            day = last;
        }
        return periods;
    }

    private static string Explain(DateOnly start, DateOnly due, int length, DayCounting counting, List<SkippedPeriod> skipped, bool moved, bool vietnamese)
    {
        static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        static string Range(SkippedPeriod p) => p.From == p.To ? D(p.From) : $"{p.From:dd/MM}–{D(p.To)}";
        var unit = (counting, vietnamese) switch
        {
            (DayCounting.WorkingDays, true) => "ngày làm việc",
            (DayCounting.WorkingDays, false) => length == 1 ? "working day" : "working days",
            (_, true) => "ngày",
            _ => length == 1 ? "day" : "days",
        };
        var text = vietnamese ? $"{length} {unit} kể từ {D(start)}" : $"{length} {unit} from {D(start)}";
        if (skipped.Count > 0)
        {
            var list = string.Join(", ", skipped.Select(p => $"{p.Name} {Range(p)}"));
            text += vietnamese ? $"; không tính {list}" : $"; not counting {list}";
        }
        if (moved)
            text += vietnamese ? "; ngày cuối rơi vào ngày nghỉ nên lùi sang ngày làm việc kế tiếp" : "; the last day fell on a day off, so it moves to the next working day";
        return text + (vietnamese ? $" → hạn {D(due)}" : $" → due {D(due)}");
    }
}
